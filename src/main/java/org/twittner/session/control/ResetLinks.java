package org.twittner.session.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.user.entity.User;

/** The password_resets rows: one live link per account, each call one short transaction. */
@Stateless
public class ResetLinks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    /** A new link for the user, replacing any earlier one; returns its token. */
    public String replace(long userId, long lifetimeSeconds) {
        String token = Tokens.newUrlToken();
        long now = clock.unixSeconds();
        em.createNativeQuery("DELETE FROM password_resets WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, Tokens.hash(token)).setParameter(3, now)
                .setParameter(4, now + lifetimeSeconds).executeUpdate();
        return token;
    }

    /** The account of a live link. */
    public Optional<Long> accountOf(String tokenHash) {
        return live(tokenHash, "");
    }

    /** Sets the password of the link's account, ends all its sessions, spends the link: once. */
    public void spend(String tokenHash, String passwordHash) {
        long userId = live(tokenHash, " FOR UPDATE").orElseThrow(() -> new ApiException(400, PasswordResets.LINK_GONE));
        User user = em.find(User.class, userId);
        user.setPasswordHash(passwordHash);
        sessions.endAll(userId);
        em.createNativeQuery("DELETE FROM password_resets WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void deleteExpired() {
        em.createNativeQuery("DELETE FROM password_resets WHERE expires_at <= ?1").setParameter(1, clock.unixSeconds())
                .executeUpdate();
    }

    private Optional<Long> live(String tokenHash, String lock) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT user_id FROM password_resets WHERE token_hash = ?1 AND expires_at > ?2" + lock)
                .setParameter(1, tokenHash).setParameter(2, clock.unixSeconds()).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }
}
