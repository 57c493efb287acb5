package org.twittner.session.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.twittner.profile.entity.User;

/** The account rows behind sign-up and login, each call one short transaction. */
@Stateless
public class AccountStore {

    @PersistenceContext
    EntityManager em;

    public Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where u.emailKey = :key", User.class)
                .setParameter("key", User.emailKey(email))
                .getResultStream().findFirst();
    }

    public boolean usernameTaken(String username) {
        return exists("select count(u) from User u where u.usernameKey = :key", User.usernameKey(username));
    }

    public boolean emailTaken(String email) {
        return exists("select count(u) from User u where u.emailKey = :key", User.emailKey(email));
    }

    /** Inserts the account; the unique indexes refuse a username or e-mail taken meanwhile. */
    public long create(User user) {
        em.persist(user);
        em.flush();
        return user.getId();
    }

    public void replacePasswordHash(long userId, String hash) {
        em.find(User.class, userId).setPasswordHash(hash);
    }

    private boolean exists(String countQuery, String key) {
        return em.createQuery(countQuery, Long.class).setParameter("key", key).getSingleResult() > 0;
    }
}
