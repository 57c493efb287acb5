package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.twittner.media.control.MediaCommits;
import org.twittner.platform.Clock;
import org.twittner.platform.TwittnerConfig;

/**
 * Removes expired swifts (with their views) and drafts never published within a swift's
 * lifetime, a batch per transaction. The batch's rows are locked first: a second server purging
 * at the same time waits, then finds them gone. The files are recorded in the media ledger in the
 * same transaction and deleted after its commit, so a server stopped half-way leaves neither a
 * row naming a missing file nor a file that the ledger's sweep would not find.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SwiftExpiry {

    public static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Inject
    Clock clock;

    @Inject
    TwittnerConfig config;

    /** One batch of expired swifts; returns how many went (fewer than {@link #BATCH}: none left). */
    public int purgeSwifts() {
        @SuppressWarnings("unchecked")
        List<Object[]> expired = em.createNativeQuery("SELECT id, src, poster FROM swifts WHERE expires_at <= ?1"
                        + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE")
                .setParameter(1, clock.unixSeconds()).getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        String in = expired.stream().map(row -> String.valueOf(((Number) row[0]).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("DELETE FROM swifts WHERE id IN (" + in + ")").executeUpdate(); // views: ON DELETE CASCADE
        files.removing(paths(expired));
        return expired.size();
    }

    /** One batch of drafts older than a swift's lifetime; returns how many went. */
    public int purgeDrafts() {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery("SELECT user_id, src, poster FROM swift_drafts WHERE created_at <= ?1"
                        + " ORDER BY user_id LIMIT " + BATCH + " FOR UPDATE")
                .setParameter(1, clock.unixSeconds() - config.swiftLifetimeSeconds()).getResultList();
        if (stale.isEmpty()) {
            return 0;
        }
        String in = stale.stream().map(row -> String.valueOf(((Number) row[0]).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("DELETE FROM swift_drafts WHERE user_id IN (" + in + ")").executeUpdate();
        files.removing(paths(stale));
        return stale.size();
    }

    private static List<String> paths(List<Object[]> rows) {
        List<String> paths = new ArrayList<>();
        rows.forEach(row -> {
            paths.add((String) row[1]);
            paths.add((String) row[2]);
        });
        return paths;
    }
}
