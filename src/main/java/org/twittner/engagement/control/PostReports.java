package org.twittner.engagement.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.ReportForm;
import org.twittner.post.control.PostTargets;
import org.twittner.user.control.UserLocks;

/**
 * Reports about posts, kept for moderators (who, which post and whose, when, reason, comment),
 * also after the post is deleted. One open report per reporter and post: a repeat replaces it,
 * as the reference. Only posts the caller can see, and not their own.
 */
@Stateless
public class PostReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    PostTargets posts;

    @Inject
    Clock clock;

    public void report(long callerId, long postId, ReportForm form) {
        locks.lock(callerId);
        PostTargets.Target post = posts.lockVisible(callerId, postId);
        if (post == null || post.authorId() == callerId) {
            throw new ApiException(400, Reactions.BAD_POST);
        }
        long now = clock.unixSeconds();
        int replaced = em.createNativeQuery("UPDATE post_reports SET reason = ?1, comment = ?2, created_at = ?3"
                        + " WHERE user_id = ?4 AND post_id = ?5 AND open_flag = 1")
                .setParameter(1, form.reason()).setParameter(2, form.comment()).setParameter(3, now)
                .setParameter(4, callerId).setParameter(5, postId).executeUpdate();
        if (replaced == 0) {
            em.createNativeQuery("INSERT INTO post_reports (user_id, post_id, author_id, reason, comment, created_at, open_flag)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)")
                    .setParameter(1, callerId).setParameter(2, postId).setParameter(3, post.authorId())
                    .setParameter(4, form.reason()).setParameter(5, form.comment()).setParameter(6, now).executeUpdate();
        }
    }
}
