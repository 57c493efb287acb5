package org.twittner.social.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.ReportForm;
import org.twittner.user.control.UserLocks;

/** Reports about profiles, kept for moderators: one open report per reporter and profile, the latest wins. */
@Stateless
public class ProfileReports {

    public static final String BAD_USER = "User id is missing or invalid";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    Clock clock;

    public void report(long callerId, long reportedId, ReportForm form) {
        // the caller's row serialises their reports, so a repeat sent twice at once replaces, never duplicates
        if (callerId == reportedId || !locks.lock(callerId, reportedId).contains(reportedId)) {
            throw new ApiException(400, BAD_USER);
        }
        long now = clock.unixSeconds();
        int replaced = em.createNativeQuery("UPDATE profile_reports SET reason = ?1, comment = ?2, created_at = ?3"
                        + " WHERE user_id = ?4 AND reported_id = ?5 AND open_flag = 1")
                .setParameter(1, form.reason()).setParameter(2, form.comment()).setParameter(3, now)
                .setParameter(4, callerId).setParameter(5, reportedId).executeUpdate();
        if (replaced == 0) {
            em.createNativeQuery("INSERT INTO profile_reports (user_id, reported_id, reason, comment, created_at, open_flag)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, 1)")
                    .setParameter(1, callerId).setParameter(2, reportedId).setParameter(3, form.reason())
                    .setParameter(4, form.comment()).setParameter(5, now).executeUpdate();
        }
    }
}
