package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.user.control.AccountErasure;

/**
 * A deleted account's swifts and draft lose their files (after the commit), and its views stop
 * counting on other people's swifts; the rows go with the user's row (foreign keys).
 */
@Stateless
public class SwiftAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Override
    public void eraseAccount(long userId) {
        @SuppressWarnings("unchecked")
        List<Object> viewed = em.createNativeQuery("SELECT swift_id FROM swift_views WHERE viewer_id = ?1 ORDER BY swift_id")
                .setParameter(1, userId).getResultList();
        for (Object swift : viewed) {
            em.createNativeQuery("UPDATE swifts SET view_count = view_count - 1 WHERE id = ?1").setParameter(1, swift)
                    .executeUpdate();
        }
        List<String> paths = new ArrayList<>();
        for (String table : List.of("swifts", "swift_drafts")) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT src, poster FROM " + table + " WHERE user_id = ?1")
                    .setParameter(1, userId).getResultList();
            rows.forEach(row -> paths.addAll(List.of((String) row[0], (String) row[1])));
        }
        files.removing(paths);
    }
}
