package org.twittner.account.control;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.media.control.MediaReferences;
import org.twittner.user.control.AccountErasure;

/** The verification videos and posters: named by verification_requests rows, gone with the account. */
@Stateless
@Local({MediaReferences.class, AccountErasure.class})
public class VerificationMedia implements MediaReferences, AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Override
    public boolean isReferenced(String path) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM verification_requests WHERE video = ?1 OR poster = ?1")
                .setParameter(1, path).getSingleResult()).longValue() > 0;
    }

    @Override
    public void eraseAccount(long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT video, poster FROM verification_requests WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        List<String> paths = new ArrayList<>();
        rows.forEach(row -> paths.addAll(List.of((String) row[0], (String) row[1])));
        files.removing(paths); // the rows go with the user's (foreign key)
    }
}
