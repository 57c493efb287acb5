package org.twittner.session.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Clock;
import org.twittner.platform.TwittnerConfig;
import org.twittner.user.entity.User;
import org.twittner.session.entity.AuthSession;

/**
 * Sessions: one per signed-in device, found by the hash of its access token. Refresh tokens
 * belong to one session and rotate on every use.
 */
@Stateless
public class Sessions {

    /** last_active / ip_address are written at most this often per user. */
    static final long ACTIVITY_RESOLUTION_SECONDS = 30 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    TwittnerConfig config;

    @Inject
    Clock clock;

    /** Opens a session for a user who just proved who they are. */
    public IssuedTokens open(long userId, String platform, String ip) {
        long now = clock.unixSeconds();
        AuthSession session = new AuthSession(userId, platform, now);
        IssuedTokens tokens = rotate(session, now);
        em.persist(session);
        User user = em.find(User.class, userId);
        user.markActive(now, ip);
        return tokens;
    }

    /**
     * Writes that the user was just active (CallerSessions finds who calls, without a
     * transaction): one UPDATE, never back in time when two requests race.
     */
    public void markActive(long userId, long now, String ip) {
        em.createNativeQuery("UPDATE users SET last_active_at = ?1,"
                        + " ip_address = CASE WHEN ?2 = '' THEN ip_address ELSE ?2 END WHERE id = ?3 AND last_active_at < ?1")
                .setParameter(1, now).setParameter(2, ip == null ? "" : ip).setParameter(3, userId).executeUpdate();
    }

    /**
     * Exchanges a refresh token for a new pair. The row lock makes two concurrent uses of one
     * token yield one new pair; the other use, like any later one, is refused.
     */
    public IssuedTokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.length() < 50 || refreshToken.length() > 250) {
            throw new ApiException(400, "Incorrect token value");
        }
        String hash = Tokens.hash(refreshToken);
        long now = clock.unixSeconds();
        AuthSession session = em.createNamedQuery(AuthSession.BY_REFRESH, AuthSession.class)
                .setParameter("hash", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (session == null) {
            throw invalidRefresh();
        }
        User user = em.find(User.class, session.getUserId());
        if (session.getRefreshExpiresAt() <= now || user.getStatus() != User.ACTIVE) {
            throw invalidRefresh();
        }
        return rotate(session, now);
    }

    /** Ends the session the caller is using; the user's other devices stay signed in. */
    public void end(Caller caller) {
        AuthSession session = em.find(AuthSession.class, caller.sessionId());
        if (session != null) {
            em.remove(session);
        }
    }

    /** Ends every session of the user but {@code keepSessionId} (a password change: the other devices must sign in again). */
    public void endOthers(long userId, long keepSessionId) {
        em.createNativeQuery("DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2")
                .setParameter(1, userId).setParameter(2, keepSessionId).executeUpdate();
    }

    /** Ends every session of the user (a password set through a reset link). */
    public void endAll(long userId) {
        em.createNativeQuery("DELETE FROM sessions WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void deleteExpired() {
        em.createNamedQuery(AuthSession.DELETE_EXPIRED).setParameter("now", clock.unixSeconds()).executeUpdate();
    }

    private IssuedTokens rotate(AuthSession session, long now) {
        String token = Tokens.newToken();
        String refresh = Tokens.newToken();
        long expiresAt = now + config.sessionTtlSeconds();
        session.rotate(Tokens.hash(token), Tokens.hash(refresh), expiresAt, now + config.refreshTtlSeconds());
        return new IssuedTokens(token, refresh, expiresAt);
    }

    private static ApiException invalidRefresh() {
        return new ApiException(400, "Invalid token value or user account disabled");
    }
}
