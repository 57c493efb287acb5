package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.user.control.AccountErasure;

/**
 * Deletes an account in one transaction: the user's row is locked first (what any other write
 * about the user waits for), every component's {@link AccountErasure} does its part, then the
 * row goes and its foreign keys (ON DELETE CASCADE) remove the rows left. Files are deleted by
 * the components' MediaCommits only once this has committed.
 */
@Stateless
public class AccountRemoval {

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<AccountErasure> components;

    public void remove(long userId) {
        if (em.createNativeQuery("SELECT id FROM users WHERE id = ?1 FOR UPDATE").setParameter(1, userId)
                .getResultList().isEmpty()) {
            throw ApiException.unauthorized(); // deleted by a concurrent call
        }
        for (AccountErasure component : components) {
            component.eraseAccount(userId);
        }
        em.createNativeQuery("DELETE FROM users WHERE id = ?1").setParameter(1, userId).executeUpdate();
    }
}
