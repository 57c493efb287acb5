package org.twittner.engagement.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.post.control.PostTargets;
import org.twittner.post.entity.PostType;
import org.twittner.user.control.UserLocks;

/**
 * Poll votes: one per user and poll (the primary key says so too), never changed or withdrawn,
 * as the reference. The option's count moves in the vote's transaction.
 */
@Stateless
public class PollVotes {

    /** The documented answer to a second vote or an option the poll doesn't have. */
    public static final String NOT_COUNTED = "An error occurred while processing your request";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    PostTargets posts;

    @Inject
    Clock clock;

    public void vote(long callerId, long postId, long option) {
        locks.lock(callerId);
        PostTargets.Target post = posts.lockVisible(callerId, postId);
        if (post == null || post.type() != PostType.POLL) {
            throw new ApiException(400, Reactions.BAD_POST);
        }
        long voted = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM poll_votes WHERE post_id = ?1 AND user_id = ?2")
                .setParameter(1, postId).setParameter(2, callerId).getSingleResult()).longValue();
        int counted = voted > 0 || option > Integer.MAX_VALUE ? 0
                : em.createNativeQuery("UPDATE poll_options SET votes = votes + 1 WHERE post_id = ?1 AND position = ?2")
                        .setParameter(1, postId).setParameter(2, (int) option).executeUpdate();
        if (counted == 0) {
            throw new ApiException(400, NOT_COUNTED);
        }
        em.createNativeQuery("INSERT INTO poll_votes (post_id, user_id, position, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, postId).setParameter(2, callerId).setParameter(3, (int) option)
                .setParameter(4, clock.unixSeconds()).executeUpdate();
    }
}
