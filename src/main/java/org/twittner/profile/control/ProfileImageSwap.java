package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.media.control.MediaCommits;
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
    MediaCommits files;

    public void avatar(long userId, String avatar) {
        files.adding(List.of(avatar));
        User user = lockedUser(userId);
        files.removing(List.of(user.getAvatar()));
        user.setAvatar(avatar);
    }

    public void cover(long userId, String cover, String coverOrig) {
        files.adding(List.of(cover, coverOrig));
        User user = lockedUser(userId);
        files.removing(List.of(user.getCover(), user.getCoverOrig()));
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
        files.adding(List.of(cover));
        User user = lockedUser(userId);
        if (!user.getCoverOrig().equals(original)) {
            files.removing(List.of(cover)); // outdated: never shown
            return false;
        }
        files.removing(List.of(user.getCover()));
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
        files.adding(List.of(cover));
        files.removing(List.of(user.getCover()));
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
}
