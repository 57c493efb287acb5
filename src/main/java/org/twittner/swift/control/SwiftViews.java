package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.social.control.Visibility;

/**
 * reg_swift_view: one view per viewer and swift. The swift's row is locked first, so that the
 * same view sent twice at once is counted once (the primary key of swift_views would refuse a
 * second row anyway) and view_count stays equal to the rows.
 */
@Stateless
public class SwiftViews {

    public static final String BAD_USER = "User ID is not valid or missing";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records that {@code viewerId} watched {@code authorId}'s swift. Only a live swift the viewer
     * may see (their own, or of an account they follow, with no block either way); an owner
     * watching their own swift is not a view.
     */
    public void register(long viewerId, long authorId, String swid) {
        if (em.createNativeQuery("SELECT id FROM users WHERE id = ?1").setParameter(1, authorId).getResultList().isEmpty()) {
            throw new ApiException(400, BAD_USER);
        }
        long now = clock.unixSeconds();
        @SuppressWarnings("unchecked")
        List<Object> swift = em.createNativeQuery("SELECT id FROM swifts WHERE swid = ?1 AND user_id = ?2 AND expires_at > ?3 FOR UPDATE")
                .setParameter(1, swid).setParameter(2, authorId).setParameter(3, now).getResultList();
        // the lock on one plain row, then who may see it (a locking read with subqueries is not portable)
        if (swift.isEmpty() || (authorId != viewerId && !mayWatch(viewerId, authorId))) {
            throw new ApiException(404, Swifts.NOT_FOUND);
        }
        if (authorId == viewerId) {
            return;
        }
        long swiftId = ((Number) swift.get(0)).longValue();
        boolean seen = !em.createNativeQuery("SELECT 1 FROM swift_views WHERE swift_id = ?1 AND viewer_id = ?2")
                .setParameter(1, swiftId).setParameter(2, viewerId).getResultList().isEmpty();
        if (!seen) {
            em.createNativeQuery("INSERT INTO swift_views (swift_id, viewer_id, viewed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, swiftId).setParameter(2, viewerId).setParameter(3, now).executeUpdate();
            em.createNativeQuery("UPDATE swifts SET view_count = view_count + 1 WHERE id = ?1")
                    .setParameter(1, swiftId).executeUpdate();
        }
    }

    /** The viewer follows the author (accepted), and neither blocked the other. */
    private boolean mayWatch(long viewerId, long authorId) {
        return !em.createNativeQuery("SELECT 1 FROM follows f WHERE f.follower_id = ?1 AND f.following_id = ?2"
                        + " AND f.status = 'active' AND " + Visibility.notBlocked("f.following_id", viewerId))
                .setParameter(1, viewerId).setParameter(2, authorId).getResultList().isEmpty();
    }
}
