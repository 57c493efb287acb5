package org.twittner.notification.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.twittner.engagement.control.PostReaction;
import org.twittner.message.control.MessageSent;
import org.twittner.platform.Clock;
import org.twittner.post.control.PostPublished;
import org.twittner.social.control.Blocks;
import org.twittner.social.control.FollowChanged;

/**
 * Writes notifications from what other components report, in their transactions (a like that
 * rolls back leaves no notification and no push). Never for one's own actions, never between
 * two users when either blocked the other. A notification taken back (unlike, unfollow, request
 * withdrawn, declined or accepted) is kept as withdrawn, so that giving it again brings the same
 * row back without a second push: a like toggled off and on notifies once.
 */
@Stateless
public class Notifications {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Pushes pushes;

    public void on(@Observes PostReaction reaction) {
        Subject subject = reaction.kind() == PostReaction.Kind.LIKE ? Subject.LIKE : Subject.REPOST;
        if (reaction.on()) {
            record(reaction.authorId(), reaction.userId(), subject, reaction.postId());
        } else {
            withdraw(reaction.authorId(), reaction.userId(), subject, reaction.postId());
        }
    }

    public void on(@Observes PostPublished post) {
        if (post.parentId() != 0) {
            record(post.parentAuthorId(), post.authorId(), Subject.REPLY, post.postId());
        }
        @SuppressWarnings("unchecked")
        List<Number> mentioned = em.createNativeQuery("SELECT user_id FROM post_mentions WHERE post_id = ?1 ORDER BY user_id")
                .setParameter(1, post.postId()).getResultList();
        for (Number user : mentioned) {
            record(user.longValue(), post.authorId(), Subject.MENTION, post.postId());
        }
    }

    public void on(@Observes FollowChanged follow) {
        long follower = follow.followerId();
        long followed = follow.followedId();
        switch (follow.change()) {
            case FOLLOWED -> record(followed, follower, Subject.SUBSCRIBE, follower);
            case UNFOLLOWED -> withdraw(followed, follower, Subject.SUBSCRIBE, follower);
            case REQUESTED -> record(followed, follower, Subject.SUBSCRIBE_REQUEST, follower);
            case REQUEST_WITHDRAWN, IGNORED -> withdraw(followed, follower, Subject.SUBSCRIBE_REQUEST, follower);
            case ACCEPTED -> {
                withdraw(followed, follower, Subject.SUBSCRIBE_REQUEST, follower); // answered
                record(follower, followed, Subject.SUBSCRIBE_ACCEPT, followed);
            }
        }
    }

    /** A message is not a notification (the reference stores none), but it is pushed. */
    public void on(@Observes MessageSent message) {
        pushes.toUser(message.recipientId(), message.senderId(), "chat_message",
                message.image() ? "Sent you an image" : message.text(),
                Map.of("type", "chat_message", "user_id", Long.toString(message.senderId()),
                        "message_id", Long.toString(message.messageId()),
                        "message_type", message.image() ? "url" : "text"));
    }

    /**
     * The notification of {@code recipientId}, and its pushes, unless it exists already (then
     * it is only brought back if withdrawn). The producers lock the notifier's row before they
     * fire, so two of the same notification do not race; the unique key backs that up.
     */
    void record(long recipientId, long notifierId, Subject subject, long entryId) {
        if (recipientId == notifierId || recipientId <= 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> existing = em.createNativeQuery("SELECT withdrawn FROM notifications WHERE recipient_id = ?1"
                        + " AND notifier_id = ?2 AND subject = ?3 AND entry_id = ?4")
                .setParameter(1, recipientId).setParameter(2, notifierId).setParameter(3, subject.wire())
                .setParameter(4, entryId).getResultList();
        if (!existing.isEmpty()) {
            if (existing.get(0).intValue() != 0) {
                setWithdrawn(recipientId, notifierId, subject, entryId, false);
            }
            return;
        }
        if (Blocks.between(em, recipientId, notifierId)) {
            return;
        }
        em.createNativeQuery("INSERT INTO notifications (recipient_id, notifier_id, subject, entry_id, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, recipientId).setParameter(2, notifierId).setParameter(3, subject.wire())
                .setParameter(4, entryId).setParameter(5, clock.unixSeconds()).executeUpdate();
        Map<String, String> data = subject.aboutPost()
                ? Map.of("type", subject.wire(), "post_id", Long.toString(entryId))
                : Map.of("type", subject.wire(), "user_id", Long.toString(notifierId));
        pushes.toUser(recipientId, notifierId, subject.wire(), subject.pushText(), data);
    }

    void withdraw(long recipientId, long notifierId, Subject subject, long entryId) {
        setWithdrawn(recipientId, notifierId, subject, entryId, true);
    }

    private void setWithdrawn(long recipientId, long notifierId, Subject subject, long entryId, boolean withdrawn) {
        em.createNativeQuery("UPDATE notifications SET withdrawn = ?5 WHERE recipient_id = ?1 AND notifier_id = ?2"
                        + " AND subject = ?3 AND entry_id = ?4")
                .setParameter(1, recipientId).setParameter(2, notifierId).setParameter(3, subject.wire())
                .setParameter(4, entryId).setParameter(5, withdrawn ? 1 : 0).executeUpdate();
    }
}
