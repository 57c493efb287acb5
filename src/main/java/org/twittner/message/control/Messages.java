package org.twittner.message.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.FreeText;
import org.twittner.user.control.UserLocks;

/**
 * Sending and deleting messages. A send locks both users' rows (lowest id first), so the two
 * chat rows of a pair are created once however many messages cross at the same moment. Each
 * side deletes its own copy; when both have, the row goes, and its image after the commit.
 */
@Stateless
public class Messages {

    public static final int MAX_TEXT = 3000;
    public static final String BAD_TEXT = "The message is missing or longer than 3000 characters";
    public static final String BAD_MESSAGE = "Message ID is missing or invalid";
    public static final String NO_MESSAGE = "A message with this ID was not found. Please check your details!";
    static final String IMAGE_TEXT = "Image";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    Clock clock;

    @Inject
    MediaCommits files;

    @Inject
    Event<MessageSent> sent;

    @Inject
    Conversations conversations;

    /** Checks everything about a text message but writes nothing (for the servlet, before a file is read). */
    public void checkMayWrite(long senderId, long recipientId) {
        ContactRules.requireMayWrite(em, senderId, recipientId);
    }

    /** The text as it is stored: cleaned, 1 to 3,000 characters, or the 400. */
    public static String text(String raw) {
        String text = FreeText.clean(raw == null ? "" : raw, MAX_TEXT + 1);
        if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new ApiException(400, BAD_TEXT);
        }
        return text;
    }

    public MessageView sendText(long senderId, long recipientId, String text) {
        return send(senderId, recipientId, text, "", "none");
    }

    /**
     * An image message whose file {@code path} is written. The caller deletes the file if this
     * fails for good (not at a rollback: a deadlock's rollback is retried with the same file).
     */
    public MessageView sendImage(long senderId, long recipientId, String path) {
        return send(senderId, recipientId, IMAGE_TEXT, path, "image");
    }

    private MessageView send(long senderId, long recipientId, String text, String path, String mediaType) {
        locks.lock(senderId, recipientId);
        ContactRules.requireMayWrite(em, senderId, recipientId); // again, under the locks
        long now = clock.unixSeconds();
        em.createNativeQuery("INSERT INTO messages (low_id, high_id, sender_id, recipient_id, text, media_file, media_type,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, Math.min(senderId, recipientId)).setParameter(2, Math.max(senderId, recipientId))
                .setParameter(3, senderId).setParameter(4, recipientId).setParameter(5, text).setParameter(6, path)
                .setParameter(7, mediaType).setParameter(8, now).executeUpdate();
        // the pair's newest message is this one: both users' rows are locked until the commit
        long id = ((Number) em.createNativeQuery("SELECT MAX(id) FROM messages WHERE sender_id = ?1 AND recipient_id = ?2")
                .setParameter(1, senderId).setParameter(2, recipientId).getSingleResult()).longValue();
        touchChat(senderId, recipientId, now);
        touchChat(recipientId, senderId, now);
        sent.fire(new MessageSent(id, senderId, recipientId, text, !path.isEmpty()));
        return conversations.view(senderId, id);
    }

    private void touchChat(long ownerId, long otherId, long now) {
        if (em.createNativeQuery("UPDATE chats SET updated_at = ?1 WHERE owner_id = ?2 AND other_id = ?3")
                .setParameter(1, now).setParameter(2, ownerId).setParameter(3, otherId).executeUpdate() == 0) {
            em.createNativeQuery("INSERT INTO chats (owner_id, other_id, updated_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, ownerId).setParameter(2, otherId).setParameter(3, now).executeUpdate();
        }
    }

    /** delete_message: the caller's copy; the row when the other side deleted theirs too. */
    public void delete(long callerId, long messageId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT sender_id, recipient_id FROM messages WHERE id = ?1"
                        + " AND ((sender_id = ?2 AND deleted_by_sender = 0) OR (recipient_id = ?2 AND deleted_by_recipient = 0))"
                        + " FOR UPDATE")
                .setParameter(1, messageId).setParameter(2, callerId).getResultList();
        if (rows.isEmpty()) {
            throw new ApiException(400, NO_MESSAGE);
        }
        hideFor(callerId, "id = ?2", messageId);
    }

    /** clear_chat: the caller's copy of every message with {@code otherId}; their chat row too if asked. */
    public void clear(long callerId, long otherId, boolean deleteChat) {
        if (otherId == callerId || em.createNativeQuery("SELECT id FROM users WHERE id = ?1").setParameter(1, otherId)
                .getResultList().isEmpty()) {
            throw new ApiException(400, ContactRules.BAD_USER);
        }
        locks.lock(callerId, otherId);
        hideFor(callerId, "low_id = ?2 AND high_id = ?3", Math.min(callerId, otherId), Math.max(callerId, otherId));
        if (deleteChat) {
            em.createNativeQuery("DELETE FROM chats WHERE owner_id = ?1 AND other_id = ?2")
                    .setParameter(1, callerId).setParameter(2, otherId).executeUpdate();
        }
    }

    /**
     * Marks the caller's side deleted in the messages that {@code where} selects (parameters from
     * ?2), then removes the rows both sides deleted, handing their files to MediaCommits.
     */
    private void hideFor(long callerId, String where, Object... args) {
        for (String side : List.of("sender", "recipient")) {
            var hide = em.createNativeQuery("UPDATE messages SET deleted_by_" + side + " = 1 WHERE " + where
                    + " AND " + side + "_id = ?1").setParameter(1, callerId);
            bind(hide, args).executeUpdate();
        }
        var gone = em.createNativeQuery("SELECT media_file FROM messages WHERE " + where
                + " AND deleted_by_sender = 1 AND deleted_by_recipient = 1 AND (sender_id = ?1 OR recipient_id = ?1)")
                .setParameter(1, callerId);
        @SuppressWarnings("unchecked")
        List<String> media = bind(gone, args).getResultList();
        List<String> paths = new ArrayList<>(media);
        files.removing(paths);
        var delete = em.createNativeQuery("DELETE FROM messages WHERE " + where
                + " AND deleted_by_sender = 1 AND deleted_by_recipient = 1 AND (sender_id = ?1 OR recipient_id = ?1)")
                .setParameter(1, callerId);
        bind(delete, args).executeUpdate();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Object... args) {
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 2, args[i]);
        }
        return query;
    }
}
