package org.twittner.social.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.social.entity.Block;
import org.twittner.user.control.UserLocks;

/**
 * Blocking. A block ends the follows and requests between the two, both ways; from then on
 * neither can follow, reply to, like, repost or message the other, and neither sees the other
 * in feeds, lists, threads or likes (those read {@link Visibility} and
 * {@link Visibility#notBlocked(String, long)}). The rows stay for moderators while the block lasts.
 */
@Stateless
public class Blocks {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    Follows follows;

    @Inject
    Clock clock;

    /** Blocks {@code targetId}, or unblocks them if they are blocked; returns whether they are blocked now. */
    public boolean toggle(long callerId, long targetId) {
        if (callerId == targetId || !locks.lock(callerId, targetId).contains(targetId)) {
            throw new ApiException(400, Follows.BAD_USER);
        }
        int unblocked = em.createNativeQuery("DELETE FROM blocks WHERE user_id = ?1 AND blocked_id = ?2")
                .setParameter(1, callerId).setParameter(2, targetId).executeUpdate();
        if (unblocked > 0) {
            return false;
        }
        em.persist(new Block(callerId, targetId, clock.unixSeconds()));
        em.flush();
        follows.removeBetween(callerId, targetId);
        return true;
    }

    /** Whether either of the two blocked the other. */
    public static boolean between(EntityManager em, long one, long other) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT id FROM blocks WHERE (user_id = ?1 AND blocked_id = ?2)"
                        + " OR (user_id = ?2 AND blocked_id = ?1)")
                .setParameter(1, one).setParameter(2, other).getResultList();
        return !rows.isEmpty();
    }
}
