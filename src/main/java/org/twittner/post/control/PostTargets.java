package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.post.entity.PostType;
import org.twittner.social.control.Visibility;

/**
 * The post another component acts on (a like, a repost, a bookmark, a vote, a report), locked
 * for the caller's transaction, and only if the caller may see it: a deleted post, a post of
 * someone in a block with the caller, or of a followers-only author they don't follow, is
 * missing. The lock keeps the post from being deleted before the caller's row about it is
 * written (which would otherwise fail on its foreign key) and orders the counter updates.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PostTargets {

    /** A post as the caller may act on it. */
    public record Target(long postId, long authorId, PostType type) {
    }

    @PersistenceContext
    EntityManager em;

    /** The visible post, locked; null when it is missing or hidden from {@code viewerId}. */
    public Target lockVisible(long viewerId, long postId) {
        @SuppressWarnings("unchecked")
        List<Object[]> post = em.createNativeQuery("SELECT id, user_id, type FROM posts WHERE id = ?1 FOR UPDATE")
                .setParameter(1, postId).getResultList();
        if (post.isEmpty()) {
            return null;
        }
        long authorId = PostCards.number(post.get(0)[1]);
        // visibility in its own statement: a locking read over the join would lock the author's row too
        @SuppressWarnings("unchecked")
        List<Object> visible = em.createNativeQuery("SELECT a.id FROM users a WHERE a.id = ?1 AND "
                + Visibility.authorVisible("a", viewerId)).setParameter(1, authorId).getResultList();
        if (visible.isEmpty()) {
            return null;
        }
        return new Target(postId, authorId, PostType.ofWire((String) post.get(0)[2]));
    }

    /** Puts a repost of the post on the reposter's timeline (their followers' feeds read it there). */
    public void addRepostEntry(long reposterId, Target post, long now) {
        em.createNativeQuery("INSERT INTO timeline (user_id, post_id, kind, has_media, author_id, author_public, created_at)"
                        + " SELECT ?1, ?2, 'repost', 0, ?3, CASE WHEN profile_privacy = 'everyone' THEN 1 ELSE 0 END, ?4"
                        + " FROM users WHERE id = ?3")
                .setParameter(1, reposterId).setParameter(2, post.postId()).setParameter(3, post.authorId())
                .setParameter(4, now).executeUpdate();
    }

    public void removeRepostEntry(long reposterId, long postId) {
        em.createNativeQuery("DELETE FROM timeline WHERE user_id = ?1 AND post_id = ?2 AND kind = 'repost'")
                .setParameter(1, reposterId).setParameter(2, postId).executeUpdate();
    }
}
