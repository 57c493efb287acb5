package org.twittner.notification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.Clock;
import org.twittner.platform.TwittnerConfig;
import org.twittner.session.control.PushTokens;
import org.twittner.social.control.Blocks;

/**
 * The outbox's side of delivery, each step in a short transaction of its own (nothing is held
 * while Google is called). A push is claimed before it is sent: the claim is an UPDATE that only
 * succeeds while no one else's claim runs, so two workers (two lanes, or two server instances
 * on one database) never both send a row. A claim outlives the longest send; a worker that
 * dies mid-send leaves a claim that expires, and the push is sent again then (at least once).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PushDeliveries {

    /** The longest backoff between two attempts. */
    static final long MAX_BACKOFF_SECONDS = 3600;
    private static final Logger LOG = Logger.getLogger(PushDeliveries.class.getName());
    private static final int CANDIDATES = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TwittnerConfig config;

    @Inject
    PushTokens tokens;

    /** A push this worker claimed. */
    public record Claimed(long id, long sessionId, int attempts, FcmClient.Push push) {
    }

    /** The oldest due push nobody else holds, claimed by {@code worker}; empty when none is due. */
    public Optional<Claimed> claimNext(String worker) {
        long now = clock.unixSeconds();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT id FROM push_outbox WHERE next_attempt_at <= ?1 AND claimed_until < ?1"
                        + " ORDER BY next_attempt_at, id")
                .setParameter(1, now).setMaxResults(CANDIDATES).getResultList();
        long lease = now + 2L * config.pushTimeoutSeconds() + 30;
        for (Number id : due) {
            int claimed = em.createNativeQuery("UPDATE push_outbox SET claimed_until = ?1, claimed_by = ?2"
                            + " WHERE id = ?3 AND claimed_until < ?4")
                    .setParameter(1, lease).setParameter(2, worker).setParameter(3, id.longValue()).setParameter(4, now)
                    .executeUpdate();
            if (claimed == 1) {
                @SuppressWarnings("unchecked")
                List<Object[]> row = em.createNativeQuery("SELECT o.session_id, o.attempts, t.token, t.platform, o.kind,"
                                + " o.title, o.body, o.data, t.user_id, o.actor_id FROM push_outbox o"
                                + " JOIN push_tokens t ON t.session_id = o.session_id WHERE o.id = ?1")
                        .setParameter(1, id.longValue()).getResultList();
                if (row.isEmpty()) {
                    continue; // the device signed out meanwhile: the row went with its token
                }
                Object[] r = row.get(0);
                long actorId = ((Number) r[9]).longValue();
                if (actorId != 0 && Blocks.between(em, ((Number) r[8]).longValue(), actorId)) {
                    // a block came between the two while the push waited (FCM slow or failing): not sent
                    delete(id.longValue(), worker);
                    continue;
                }
                return Optional.of(new Claimed(id.longValue(), ((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        new FcmClient.Push((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                                (String) r[7])));
            }
        }
        return Optional.empty();
    }

    /** Records what became of a claimed push. */
    public void settle(Claimed claimed, FcmClient.Result result, String worker) {
        switch (result) {
            case SENT, REFUSED -> delete(claimed, worker);
            case DEAD_TOKEN -> {
                // the device is gone: its token and every push still waiting for it
                tokens.forgetDead(claimed.sessionId(), claimed.push().token());
                delete(claimed, worker);
            }
            case RETRY -> retryLater(claimed, worker);
        }
    }

    private void retryLater(Claimed claimed, String worker) {
        int attempts = claimed.attempts() + 1;
        if (attempts >= config.pushMaxAttempts()) {
            LOG.log(Level.WARNING, "push {0} ({1}) given up after {2} attempts",
                    new Object[] {claimed.id(), claimed.push().kind(), attempts});
            delete(claimed, worker);
            return;
        }
        long backoff = Math.min(MAX_BACKOFF_SECONDS, (long) config.pushRetrySeconds() << Math.min(attempts - 1, 20));
        em.createNativeQuery("UPDATE push_outbox SET attempts = ?1, next_attempt_at = ?2, claimed_until = 0, claimed_by = ''"
                        + " WHERE id = ?3 AND claimed_by = ?4")
                .setParameter(1, attempts).setParameter(2, clock.unixSeconds() + backoff).setParameter(3, claimed.id())
                .setParameter(4, worker).executeUpdate();
    }

    private void delete(Claimed claimed, String worker) {
        delete(claimed.id(), worker);
    }

    private void delete(long id, String worker) {
        em.createNativeQuery("DELETE FROM push_outbox WHERE id = ?1 AND claimed_by = ?2")
                .setParameter(1, id).setParameter(2, worker).executeUpdate();
    }
}
