package org.twittner.social.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.social.entity.Follow;
import org.twittner.user.control.UserLocks;

/**
 * Follows and follow requests. Both users' rows are locked (in id order) before the pair's
 * follow row is read, so a toggle sent twice at once runs twice in turn, and the follower and
 * following counters change in the same transaction as the rows they count.
 */
@Stateless
public class Follows {

    public static final String BAD_USER = "User ID is missing or invalid";
    public static final String BAD_REQUEST = "Follow request ID is missing or invalid";

    /** What a follow call did. */
    public enum Outcome { FOLLOWED, UNFOLLOWED, REQUESTED, REQUEST_CANCELED }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    Clock clock;

    @Inject
    Event<FollowChanged> changed;

    @Inject
    Event<FollowerCountChanged> followerCountChanged;

    /**
     * Follows {@code targetId}, or sends a request when they approve their followers; unfollows
     * or withdraws the request when there is one. Nobody follows themselves, an unknown account,
     * or across a block.
     */
    public Outcome toggle(long callerId, long targetId) {
        if (callerId == targetId || !locks.lock(callerId, targetId).contains(targetId)
                || Blocks.between(em, callerId, targetId)) {
            throw new ApiException(400, BAD_USER);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("SELECT id, status FROM follows WHERE follower_id = ?1 AND following_id = ?2")
                .setParameter(1, callerId).setParameter(2, targetId).getResultList();
        if (!existing.isEmpty()) {
            boolean active = Follow.ACTIVE.equals(existing.get(0)[1]);
            em.createNativeQuery("DELETE FROM follows WHERE id = ?1").setParameter(1, existing.get(0)[0]).executeUpdate();
            if (active) {
                count(callerId, targetId, -1);
                changed.fire(new FollowChanged(callerId, targetId, FollowChanged.Change.UNFOLLOWED));
                return Outcome.UNFOLLOWED;
            }
            changed.fire(new FollowChanged(callerId, targetId, FollowChanged.Change.REQUEST_WITHDRAWN));
            return Outcome.REQUEST_CANCELED;
        }
        String privacy = (String) em.createNativeQuery("SELECT follow_privacy FROM users WHERE id = ?1")
                .setParameter(1, targetId).getSingleResult();
        boolean approve = "approved".equals(privacy);
        em.persist(new Follow(callerId, targetId, approve ? Follow.PENDING : Follow.ACTIVE, clock.unixSeconds()));
        em.flush();
        if (approve) {
            changed.fire(new FollowChanged(callerId, targetId, FollowChanged.Change.REQUESTED));
            return Outcome.REQUESTED;
        }
        count(callerId, targetId, 1);
        changed.fire(new FollowChanged(callerId, targetId, FollowChanged.Change.FOLLOWED));
        return Outcome.FOLLOWED;
    }

    /** Accepts a request addressed to the caller; returns how many still wait. */
    public long accept(long callerId, long requestId) {
        long requester = requester(callerId, requestId);
        locks.lock(callerId, requester);
        int accepted = em.createNativeQuery("UPDATE follows SET status = 'active' WHERE id = ?1 AND following_id = ?2"
                        + " AND status = 'pending'")
                .setParameter(1, requestId).setParameter(2, callerId).executeUpdate();
        if (accepted == 0) {
            throw new ApiException(400, BAD_REQUEST); // withdrawn or answered meanwhile
        }
        count(requester, callerId, 1);
        changed.fire(new FollowChanged(requester, callerId, FollowChanged.Change.ACCEPTED));
        return pending(callerId);
    }

    /** Declines a request addressed to the caller; returns how many still wait. */
    public long ignore(long callerId, long requestId) {
        long requester = requester(callerId, requestId);
        int deleted = em.createNativeQuery("DELETE FROM follows WHERE id = ?1 AND following_id = ?2 AND status = 'pending'")
                .setParameter(1, requestId).setParameter(2, callerId).executeUpdate();
        if (deleted == 0) {
            throw new ApiException(400, BAD_REQUEST);
        }
        changed.fire(new FollowChanged(requester, callerId, FollowChanged.Change.IGNORED));
        return pending(callerId);
    }

    /** Ends every follow and request between the two, both ways (a block), correcting the counters. */
    public void removeBetween(long one, long other) {
        for (long[] pair : new long[][] {{one, other}, {other, one}}) {
            @SuppressWarnings("unchecked")
            List<Object> status = em.createNativeQuery("SELECT status FROM follows WHERE follower_id = ?1 AND following_id = ?2")
                    .setParameter(1, pair[0]).setParameter(2, pair[1]).getResultList();
            if (!status.isEmpty()) {
                em.createNativeQuery("DELETE FROM follows WHERE follower_id = ?1 AND following_id = ?2")
                        .setParameter(1, pair[0]).setParameter(2, pair[1]).executeUpdate();
                if (Follow.ACTIVE.equals(status.get(0))) {
                    count(pair[0], pair[1], -1);
                }
            }
        }
    }

    /** Who sent a request to the caller: the request must be pending and addressed to the caller. */
    private long requester(long callerId, long requestId) {
        @SuppressWarnings("unchecked")
        List<Object> follower = em.createNativeQuery("SELECT follower_id FROM follows WHERE id = ?1 AND following_id = ?2"
                        + " AND status = 'pending'")
                .setParameter(1, requestId).setParameter(2, callerId).getResultList();
        if (follower.isEmpty()) {
            throw new ApiException(400, BAD_REQUEST);
        }
        return ((Number) follower.get(0)).longValue();
    }

    private long pending(long userId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM follows WHERE following_id = ?1 AND status = 'pending'")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    private void count(long followerId, long followingId, int delta) {
        em.createNativeQuery("UPDATE users SET following_count = following_count + ?1 WHERE id = ?2")
                .setParameter(1, delta).setParameter(2, followerId).executeUpdate();
        em.createNativeQuery("UPDATE users SET follower_count = follower_count + ?1 WHERE id = ?2")
                .setParameter(1, delta).setParameter(2, followingId).executeUpdate();
        followerCountChanged.fire(FollowerCountChanged.of(followingId));
    }
}
