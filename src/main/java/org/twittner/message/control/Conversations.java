package org.twittner.message.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.RelativeTime;
import org.twittner.platform.SqlLists;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.UnixTime;
import org.twittner.social.control.Blocks;
import org.twittner.social.control.Visibility;

/**
 * Reading conversations: get_chats, get_messages, search_messages. Only the two people of a
 * conversation reach its messages: every query is bounded by the pair (low_id, high_id) that
 * includes the caller, and by the caller's side not having deleted the message.
 */
@Stateless
public class Conversations {

    /** Messages the caller still has in the conversation whose pair is ?1, ?2; the caller is ?3. */
    private static final String VISIBLE = "m.low_id = ?1 AND m.high_id = ?2 AND ((m.sender_id = ?3 AND m.deleted_by_sender = 0)"
            + " OR (m.recipient_id = ?3 AND m.deleted_by_recipient = 0))";
    private static final String COLUMNS = "m.id, m.sender_id, m.recipient_id, m.text, m.media_file, m.media_type, m.seen_at,"
            + " m.deleted_by_sender, m.deleted_by_recipient, m.created_at";
    /** The most conversations get_chats lists (the reference's limit; it has no paging). */
    static final int MAX_CHATS = 1000;
    static final int MAX_QUERY = 32;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MediaUrls urls;

    @Inject
    TwittnerConfig config;

    /** Which messages of a conversation a page holds: older than {@code up}, or newer than {@code down}. */
    public record Window(long up, long down, int size) {
    }

    public List<ChatRow> chats(long callerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.other_id, c.updated_at, u.username, u.first_name,"
                        + " u.last_name, u.avatar, u.verified,"
                        + " (SELECT m.text FROM messages m WHERE m.low_id = LEAST(?1, c.other_id)"
                        + " AND m.high_id = GREATEST(?1, c.other_id) AND ((m.sender_id = ?1 AND m.deleted_by_sender = 0)"
                        + " OR (m.recipient_id = ?1 AND m.deleted_by_recipient = 0)) ORDER BY m.id DESC LIMIT 1),"
                        + " (SELECT COUNT(*) FROM messages m WHERE m.recipient_id = ?1 AND m.sender_id = c.other_id"
                        + " AND m.seen_at = 0 AND m.deleted_by_recipient = 0)"
                        + " FROM chats c JOIN users u ON u.id = c.other_id"
                        + " WHERE c.owner_id = ?1 AND " + Visibility.notBlocked("c.other_id", "?1")
                        + " ORDER BY c.updated_at DESC, c.id DESC")
                .setParameter(1, callerId).setMaxResults(MAX_CHATS).getResultList();
        long now = clock.unixSeconds();
        String site = config.publicUrl();
        List<ChatRow> chats = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long unread = number(r[9]);
            chats.add(new ChatRow(number(r[1]), (String) r[3], ((String) r[4] + " " + r[5]).strip(),
                    urls.avatarUrl((String) r[6]), Long.toString(number(r[7])), number(r[0]),
                    RelativeTime.ago(number(r[2]), now), r[8] == null ? "" : (String) r[8],
                    unread == 0 ? "" : Long.toString(unread), site + "/conversation/@" + r[3]));
        }
        return chats;
    }

    /**
     * get_messages: a page of the conversation in ascending order, the caller's unread ones in it
     * marked seen. Refused (the documented 400) with an unknown user, oneself, or across a block.
     */
    public List<MessageView> messages(long callerId, long otherId, Window window) {
        requireReadable(callerId, otherId);
        List<Object[]> rows = page(callerId, otherId, window, null);
        List<Long> unseen = new ArrayList<>();
        long now = clock.unixSeconds();
        for (Object[] r : rows) {
            if (number(r[2]) == callerId && number(r[6]) == 0) {
                unseen.add(number(r[0]));
                r[6] = now;
            }
        }
        if (!unseen.isEmpty()) {
            var seen = em.createNativeQuery("UPDATE messages SET seen_at = ?1 WHERE recipient_id = ?2 AND seen_at = 0"
                    + " AND id IN (" + SqlLists.placeholders(unseen.size(), 3) + ")").setParameter(1, now).setParameter(2, callerId);
            for (int i = 0; i < unseen.size(); i++) {
                seen.setParameter(i + 3, unseen.get(i));
            }
            seen.executeUpdate();
        }
        return views(callerId, rows);
    }

    /** A page of search_messages and the number of matches in the whole conversation. */
    public record Found(List<MessageView> messages, long total) {
    }

    /** search_messages: the caller's messages with {@code otherId} that contain {@code query}, any case. */
    public Found search(long callerId, long otherId, String query, Window window) {
        requireReadable(callerId, otherId);
        String pattern = "%" + SqlLists.likeLiteral(query.toLowerCase(java.util.Locale.ROOT)) + "%";
        List<MessageView> found = views(callerId, page(callerId, otherId, window, pattern));
        if (found.isEmpty()) {
            return new Found(found, 0);
        }
        long total = number(em.createNativeQuery("SELECT COUNT(*) FROM messages m WHERE " + VISIBLE
                        + " AND LOWER(m.text) LIKE ?4 ESCAPE '!'")
                .setParameter(1, Math.min(callerId, otherId)).setParameter(2, Math.max(callerId, otherId))
                .setParameter(3, callerId).setParameter(4, pattern).getSingleResult());
        return new Found(found, total);
    }

    /** One message as its sender sees it (send_message's answer). */
    public MessageView view(long callerId, long messageId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM messages m WHERE m.id = ?1")
                .setParameter(1, messageId).getResultList();
        return views(callerId, rows).get(0);
    }

    private void requireReadable(long callerId, long otherId) {
        ContactRules.requireInterlocutor(em, callerId, otherId);
        if (Blocks.between(em, callerId, otherId)) {
            throw new ApiException(400, ContactRules.BAD_USER);
        }
    }

    /**
     * Older than {@code up} newest first, or newer than {@code down} oldest first (so polling
     * misses none when more arrived than a page holds); returned in ascending order.
     */
    private List<Object[]> page(long callerId, long otherId, Window window, String pattern) {
        boolean newer = window.up() == 0 && window.down() > 0;
        String sql = "SELECT " + COLUMNS + " FROM messages m WHERE " + VISIBLE
                + (newer ? " AND m.id > ?4" : " AND m.id < ?4")
                + (pattern == null ? "" : " AND LOWER(m.text) LIKE ?5 ESCAPE '!'")
                + (newer ? " ORDER BY m.id" : " ORDER BY m.id DESC");
        var query = em.createNativeQuery(sql)
                .setParameter(1, Math.min(callerId, otherId)).setParameter(2, Math.max(callerId, otherId))
                .setParameter(3, callerId).setParameter(4, newer ? window.down() : window.up() > 0 ? window.up() : Long.MAX_VALUE);
        if (pattern != null) {
            query.setParameter(5, pattern);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = new ArrayList<>(query.setMaxResults(window.size()).getResultList());
        if (!newer) {
            Collections.reverse(rows);
        }
        return rows;
    }

    private List<MessageView> views(long callerId, List<Object[]> rows) {
        List<MessageView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long sender = number(r[1]);
            boolean own = sender == callerId;
            String path = (String) r[4];
            long seen = number(r[6]);
            long created = number(r[9]);
            views.add(new MessageView(number(r[0]), sender, number(r[2]), own, (String) r[3],
                    path.isEmpty() ? "" : urls.url(path), (String) r[5], seen == 0 ? "0" : Long.toString(seen),
                    number(r[7]) != 0 ? "Y" : "N", number(r[8]) != 0 ? "Y" : "N", UnixTime.messageTime(created),
                    own ? "right" : "left", path.isEmpty() ? "" : "TWTNR-IMG-" + created, path));
        }
        return views;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
