package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.post.entity.ReplyPrivacy;
import org.twittner.social.control.Relationship;
import org.twittner.social.control.Relationships;
import org.twittner.social.control.Visibility;

/**
 * Who may reply to a post (thread_data's can_reply, and the check publish_post makes, which the
 * PHP server's API skips): its author always; nobody when either side blocked the other or the
 * post is hidden from the caller; then as its reply privacy says.
 */
@Stateless
public class ReplyRules {

    @PersistenceContext
    EntityManager em;

    @Inject
    Relationships relationships;

    /** A post as the reply rules need it: its author and reply privacy. */
    public record Target(long postId, long authorId, ReplyPrivacy privacy) {
    }

    /** The post, if it exists and {@code viewerId} may see it. */
    public Target visible(long viewerId, long postId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.user_id, p.reply_privacy FROM posts p"
                        + " JOIN users a ON a.id = p.user_id WHERE p.id = ?1 AND " + Visibility.authorVisible("a", viewerId))
                .setParameter(1, postId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Target(PostCards.number(row[0]), PostCards.number(row[1]),
                ReplyPrivacy.parse((String) row[2]).orElse(ReplyPrivacy.EVERYONE));
    }

    public boolean mayReply(long viewerId, Target post) {
        if (viewerId == 0) {
            return false;
        }
        if (viewerId == post.authorId()) {
            return true;
        }
        Relationship relation = relationships.between(viewerId, post.authorId());
        if (relation.isBlockedVisitor() || relation.isBlockedProfile()) {
            return false;
        }
        return switch (post.privacy()) {
            case EVERYONE -> true;
            case FOLLOWERS -> relation.isFollowing();
            case MENTIONED -> ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM post_mentions WHERE post_id = ?1 AND user_id = ?2")
                    .setParameter(1, post.postId()).setParameter(2, viewerId).getSingleResult()).longValue() > 0;
        };
    }
}
