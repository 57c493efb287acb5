package org.twittner.profile.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.twittner.media.control.MediaLedger;
import org.twittner.media.control.MediaStore;
import org.twittner.platform.ApiException;
import org.twittner.user.entity.User;

/**
 * Points a user's row at new image files, under a row lock so that concurrent uploads for one
 * user apply one after the other. The files it is given already exist. After the commit the
 * files the row no longer names are deleted; after a rollback the new files are.
 */
@Stateless
public class ProfileImageSwap {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStore store;

    @Inject
    MediaLedger ledger;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public void avatar(long userId, String avatar) {
        Replacement replacement = replacing(List.of(avatar));
        User user = lockedUser(userId);
        replacement.replaced(List.of(user.getAvatar()));
        user.setAvatar(avatar);
    }

    public void cover(long userId, String cover, String coverOrig) {
        Replacement replacement = replacing(List.of(cover, coverOrig));
        User user = lockedUser(userId);
        replacement.replaced(List.of(user.getCover(), user.getCoverOrig()));
        user.setCover(cover);
        user.setCoverOrig(coverOrig);
    }

    /** The kept cover original's stored path, "" when there is none. */
    public String coverOriginal(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        return user.getCoverOrig();
    }

    /**
     * Shows a cover that was cut from {@code original}, unless a new cover upload replaced that
     * original meanwhile: then the cut is outdated, deleted, and the answer is false.
     */
    public boolean repositionedCover(long userId, String cover, String original) {
        Replacement replacement = replacing(List.of(cover));
        User user = lockedUser(userId);
        if (!user.getCoverOrig().equals(original)) {
            replacement.replaced(List.of(cover));
            return false;
        }
        replacement.replaced(List.of(user.getCover()));
        user.setCover(cover);
        return true;
    }

    /** Makes a new cover file from the user's original, under the user's row lock. */
    @FunctionalInterface
    public interface CoverCut {
        String from(String original) throws java.io.IOException;
    }

    /**
     * Cuts and shows a cover while the user's row is locked, so that no upload can replace the
     * original in between; returns the new cover's path.
     */
    public String repositionLocked(long userId, CoverCut cut) throws java.io.IOException {
        User user = lockedUser(userId);
        if (user.getCoverOrig().isEmpty()) {
            throw new ApiException(400, ProfileImages.COVER_INVALID);
        }
        String cover = cut.from(user.getCoverOrig());
        Replacement replacement = replacing(List.of(cover));
        replacement.replaced(List.of(user.getCover()));
        user.setCover(cover);
        return cover;
    }

    private User lockedUser(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.unauthorized(); // the account went away during the request
        }
        return user;
    }

    /** Registered first, so that the new files are cleaned up whatever fails after. */
    private Replacement replacing(List<String> added) {
        Replacement replacement = new Replacement(added);
        transaction.registerInterposedSynchronization(replacement);
        return replacement;
    }

    private final class Replacement implements Synchronization {
        private final List<String> added;
        private List<String> replaced = List.of();

        Replacement(List<String> added) {
            this.added = added;
        }

        /** Recorded in the ledger within the transaction: a crash after the commit leaves no orphan. */
        void replaced(List<String> paths) {
            replaced = paths;
            ledger.replacing(paths);
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            (status == Status.STATUS_COMMITTED ? replaced : added).forEach(store::delete);
        }
    }
}
