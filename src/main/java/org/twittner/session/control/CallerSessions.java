package org.twittner.session.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.Caller;
import org.twittner.platform.CallerLookup;
import org.twittner.platform.Clock;
import org.twittner.user.entity.User;

/**
 * Who is calling: the session behind an access token. Every signed-in request asks, so the
 * lookup is one read without a transaction; the rare write (last activity, at most every
 * {@link Sessions#ACTIVITY_RESOLUTION_SECONDS}) goes through {@link Sessions}, whose transaction
 * makes it whole. As an EJB call the lookup was 15 % of search_posts' request-thread CPU samples
 * (async-profiler), about half of it the container's (pool checkout, transaction, a thrown
 * exception) and half the query.
 */
// reads (its one write is Sessions'), no state: a CDI bean, not an EJB (docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class CallerSessions implements CallerLookup {

    private static final Logger LOG = Logger.getLogger(CallerSessions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    @Override
    public Optional<Caller> resolve(String token, String ip) {
        if (token == null || token.length() != Tokens.LENGTH) {
            return Optional.empty();
        }
        long now = clock.unixSeconds();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, u.id, u.last_active_at, u.status FROM sessions s"
                        + " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2")
                .setParameter(1, Tokens.hash(token)).setParameter(2, now).getResultList();
        if (rows.isEmpty() || ((Number) rows.get(0)[3]).intValue() != User.ACTIVE) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long userId = ((Number) row[1]).longValue();
        if (now - ((Number) row[2]).longValue() >= Sessions.ACTIVITY_RESOLUTION_SECONDS) {
            try {
                sessions.markActive(userId, now, ip);
            } catch (EJBException notWritten) {
                // a lock wait or a lost connection: last activity is a hint, the request goes on
                LOG.log(Level.WARNING, "last activity of user {0} not written: {1}", new Object[] {userId, notWritten});
            }
        }
        return Optional.of(new Caller(userId, ((Number) row[0]).longValue()));
    }
}
