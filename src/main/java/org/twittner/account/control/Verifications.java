package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.user.entity.User;

/**
 * verify_user's records: one request waits for review at a time (users.verified = 2 while it
 * does), checked before the video is processed and again, under the user's row lock, when the
 * request is recorded.
 */
@Stateless
public class Verifications {

    public static final int PENDING = 2;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MediaCommits files;

    /** The documented refusals for an account that is verified or already waits for review. */
    public void checkMayRequest(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        refuseIfVerifiedOrPending(user);
    }

    /** Records the request with its stored video and poster; the account's badge is pending from now. */
    public void record(long userId, VerificationForm form, String video, String poster) {
        files.adding(List.of(video, poster));
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        refuseIfVerifiedOrPending(user);
        user.setVerified(PENDING);
        em.createNativeQuery("INSERT INTO verification_requests (user_id, full_name, text, video, poster, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, userId).setParameter(2, form.fullName()).setParameter(3, form.text())
                .setParameter(4, video).setParameter(5, poster).setParameter(6, clock.unixSeconds()).executeUpdate();
    }

    private static void refuseIfVerifiedOrPending(User user) {
        if (user.getVerified() == User.VERIFIED) {
            throw new ApiException(400, "Your account has already been verified");
        }
        if (user.getVerified() == PENDING) {
            throw new ApiException(400,
                    "Error Duplicate request. Please wait until the end of the review of the previous request");
        }
    }
}
