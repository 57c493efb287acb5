package org.twittner.session.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.twittner.platform.Caller;
import org.twittner.user.control.UserSearchEntryChanged;
import org.twittner.user.entity.User;

/** The account rows behind sign-up and login, each call one short transaction. */
@Stateless
public class AccountStore {

    @Inject
    Event<UserSearchEntryChanged> searchEntryChanged;

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    public Optional<User> byId(long userId) {
        return Optional.ofNullable(em.find(User.class, userId));
    }

    public Optional<User> byEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL_KEY, User.class)
                .setParameter("key", User.emailKey(email))
                .getResultStream().findFirst();
    }

    public boolean usernameTaken(String username) {
        return exists(User.COUNT_USERNAME_KEY, User.usernameKey(username));
    }

    public boolean emailTaken(String email) {
        return exists(User.COUNT_EMAIL_KEY, User.emailKey(email));
    }

    /** Inserts the account; the unique indexes refuse a username or e-mail taken meanwhile. */
    public long create(User user) {
        em.persist(user);
        em.flush();
        searchEntryChanged.fire(new UserSearchEntryChanged(user.getId()));
        return user.getId();
    }

    public void replacePasswordHash(long userId, String hash) {
        em.find(User.class, userId).setPasswordHash(hash);
    }

    /** Sets the new password hash and ends the account's other sessions, in one transaction. */
    public void changePassword(Caller caller, String hash) {
        em.find(User.class, caller.userId()).setPasswordHash(hash);
        sessions.endOthers(caller.userId(), caller.sessionId());
    }

    private boolean exists(String countQuery, String key) {
        return em.createNamedQuery(countQuery, Long.class).setParameter("key", key).getSingleResult() > 0;
    }
}
