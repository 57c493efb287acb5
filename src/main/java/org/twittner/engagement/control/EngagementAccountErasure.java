package org.twittner.engagement.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.user.control.AccountErasure;

/**
 * A deleted account's likes, reposts and poll votes stop counting on other people's posts;
 * reports about its posts go (its own reports, bookmarks and the rows themselves go with the
 * user's row: foreign keys).
 */
@Stateless
public class EngagementAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Override
    public void eraseAccount(long userId) {
        lower("likes_count", "SELECT post_id FROM post_likes WHERE user_id = ?1 ORDER BY post_id", userId);
        lower("reposts_count", "SELECT post_id FROM post_reposts WHERE user_id = ?1 ORDER BY post_id", userId);
        @SuppressWarnings("unchecked")
        List<Object[]> votes = em.createNativeQuery("SELECT post_id, position FROM poll_votes WHERE user_id = ?1"
                + " ORDER BY post_id").setParameter(1, userId).getResultList();
        for (Object[] vote : votes) {
            em.createNativeQuery("UPDATE poll_options SET votes = votes - 1 WHERE post_id = ?1 AND position = ?2")
                    .setParameter(1, vote[0]).setParameter(2, vote[1]).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM post_reports WHERE author_id = ?1").setParameter(1, userId).executeUpdate();
    }

    /** One less on each post the user's rows count on, lowest id first like every other writer. */
    private void lower(String counter, String postIds, long userId) {
        @SuppressWarnings("unchecked")
        List<Object> posts = em.createNativeQuery(postIds).setParameter(1, userId).getResultList();
        for (Object post : posts) {
            em.createNativeQuery("UPDATE posts SET " + counter + " = " + counter + " - 1 WHERE id = ?1")
                    .setParameter(1, post).executeUpdate();
        }
    }
}
