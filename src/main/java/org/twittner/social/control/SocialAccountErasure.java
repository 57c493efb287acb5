package org.twittner.social.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.social.entity.Follow;
import org.twittner.user.control.AccountErasure;

/**
 * A deleted account stops counting among other people's followers and followings; its follows,
 * requests, blocks and profile reports go with the user's row (foreign keys).
 */
@Stateless
public class SocialAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FollowerCountChanged> followerCountChanged;

    @Override
    public void eraseAccount(long userId) {
        lower("follower_count", "SELECT following_id FROM follows WHERE follower_id = ?1 AND status = ?2", userId);
        lower("following_count", "SELECT follower_id FROM follows WHERE following_id = ?1 AND status = ?2", userId);
    }

    private void lower(String counter, String otherIds, long userId) {
        @SuppressWarnings("unchecked")
        List<Object> others = em.createNativeQuery(otherIds + " ORDER BY 1").setParameter(1, userId)
                .setParameter(2, Follow.ACTIVE).getResultList();
        for (Object other : others) {
            em.createNativeQuery("UPDATE users SET " + counter + " = " + counter + " - 1 WHERE id = ?1")
                    .setParameter(1, other).executeUpdate();
            if (counter.equals("follower_count")) {
                followerCountChanged.fire(new FollowerCountChanged(((Number) other).longValue()));
            }
        }
    }
}
