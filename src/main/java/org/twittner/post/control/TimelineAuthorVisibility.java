package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.user.control.ProfileVisibilityChanged;

/**
 * Keeps timeline.author_public equal to the author's profile visibility: every entry of the
 * author's posts, their own and other people's reposts, in the transaction that changed it.
 */
@Stateless
public class TimelineAuthorVisibility {

    @PersistenceContext
    EntityManager em;

    public void on(@Observes ProfileVisibilityChanged change) {
        em.createNativeQuery("UPDATE timeline SET author_public = ?1 WHERE author_id = ?2")
                .setParameter(1, change.isPublic() ? 1 : 0).setParameter(2, change.userId()).executeUpdate();
    }
}
