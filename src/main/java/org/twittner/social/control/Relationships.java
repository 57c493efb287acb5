package org.twittner.social.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.social.entity.Follow;

/** How two users relate through follows and blocks, the rows this component owns. */
@Stateless
public class Relationships {

    @PersistenceContext
    EntityManager em;

    /**
     * How {@code viewerId} relates to {@code ownerId}: the three flags in one round trip (every
     * signed-in profile view asks for them). {@link Relationship#NONE} for a guest (0) or oneself.
     */
    public Relationship between(long viewerId, long ownerId) {
        if (viewerId == 0 || viewerId == ownerId) {
            return Relationship.NONE;
        }
        Object[] counts = (Object[]) em.createNativeQuery("SELECT"
                        + " (SELECT COUNT(*) FROM blocks WHERE user_id = ?1 AND blocked_id = ?2),"
                        + " (SELECT COUNT(*) FROM blocks WHERE user_id = ?2 AND blocked_id = ?1),"
                        + " (SELECT COUNT(*) FROM follows WHERE follower_id = ?2 AND following_id = ?1 AND status = ?3)")
                .setParameter(1, ownerId)
                .setParameter(2, viewerId)
                .setParameter(3, Follow.ACTIVE)
                .getSingleResult();
        return new Relationship(positive(counts[0]), positive(counts[1]), positive(counts[2]));
    }

    private static boolean positive(Object count) {
        return ((Number) count).longValue() > 0;
    }
}
