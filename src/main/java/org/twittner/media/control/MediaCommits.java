package org.twittner.media.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;

/**
 * Ties stored files to the transaction that names or stops naming them: new files go if it rolls
 * back, files it stops naming go once it has committed (recorded in the {@link MediaLedger}
 * within it, so a crash between the commit and the deletion loses nothing).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MediaCommits {

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    MediaStore store;

    @Inject
    MediaLedger ledger;

    /** Files written for this transaction: deleted if it does not commit. Call before anything can fail. */
    public void adding(Collection<String> added) {
        register(List.copyOf(added), List.of());
    }

    /** Files this transaction stops naming: deleted after it commits. */
    public void removing(Collection<String> removed) {
        List<String> paths = removed.stream().filter(path -> path != null && !path.isEmpty()).toList();
        if (!paths.isEmpty()) {
            ledger.replacing(paths);
            register(List.of(), paths);
        }
    }

    private void register(List<String> added, List<String> removed) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? removed : added).forEach(store::delete);
            }
        });
    }
}
