package org.twittner.media.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.twittner.platform.Clock;
import org.twittner.platform.TempFiles;

/**
 * Keeps track of media files that may end up unreferenced, so that a crash leaves none behind:
 * <ul>
 * <li>a new file is {@link #expect expected} (committed on its own) before it is written, and
 * settled once the update that names it committed or rolled back;</li>
 * <li>a file that an update replaces is {@link #replacing recorded} in that update's
 * transaction, and settled once it has been deleted after the commit.</li>
 * </ul>
 * A row left by an instance that no longer runs ({@link TempFiles#isRunning}), or older than ten
 * minutes, is swept: its file is deleted unless a committed row names it ({@link
 * MediaReferences}). Younger rows of running instances are never touched: their uploads may
 * still be in flight.
 */
@Stateless
public class MediaLedger {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(MediaLedger.class.getName());
    /**
     * A row of a running instance older than this is done with (its upload cannot still be in
     * flight: bodies have 120 s, images wait 30 s for a worker); rows of replaced files end so.
     */
    private static final long SETTLED_AFTER_SECONDS = 10 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    TempFiles tempFiles;

    @Inject
    Clock clock;

    @Inject
    MediaStore store;

    @Inject
    Instance<MediaReferences> references;

    /**
     * Before new files are written: recorded and committed at once, whatever happens next.
     * Returns the token that {@link #settle} takes.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String expect(Collection<String> paths) {
        return insert(paths);
    }

    /** Files the current transaction replaces: recorded only if it commits (the sweep settles them). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void replacing(Collection<String> paths) {
        insert(paths);
    }

    /** The fate of the files {@link #expect expected} under this token is decided and carried out. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settle(String token) {
        em.createNativeQuery("DELETE FROM media_ledger WHERE token = ?1").setParameter(1, token).executeUpdate();
    }

    /** Deletes what stopped instances left unreferenced; returns how many files went. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sweep() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT path, instance, created_at, token FROM media_ledger").getResultList();
        long settledBefore = clock.unixSeconds() - SETTLED_AFTER_SECONDS;
        int deleted = 0;
        for (Object[] row : rows) {
            String path = (String) row[0];
            if (tempFiles.isRunning((String) row[1]) && ((Number) row[2]).longValue() > settledBefore) {
                continue;
            }
            if (!isReferenced(path)) {
                store.delete(path);
                deleted++;
            }
            em.createNativeQuery("DELETE FROM media_ledger WHERE path = ?1 AND token = ?2")
                    .setParameter(1, path).setParameter(2, row[3]).executeUpdate();
        }
        if (deleted > 0) {
            LOG.info(() -> "removed media files left unreferenced by a stopped server: " + rows.size() + " checked");
        }
        return deleted;
    }

    private boolean isReferenced(String path) {
        for (MediaReferences owner : references) {
            if (owner.isReferenced(path)) {
                return true;
            }
        }
        return false;
    }

    private String insert(Collection<String> paths) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        for (String path : paths) {
            if (path == null || path.isEmpty() || path.startsWith(LocalMediaStore.PREFIX + "default/")) {
                continue;
            }
            em.createNativeQuery("INSERT INTO media_ledger (path, token, instance, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, path).setParameter(2, token).setParameter(3, tempFiles.instance())
                    .setParameter(4, clock.unixSeconds()).executeUpdate();
        }
        return token;
    }
}
