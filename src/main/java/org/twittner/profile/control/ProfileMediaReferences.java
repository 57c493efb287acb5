package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.media.control.MediaReferences;
import org.twittner.user.entity.User;

/** Avatars, covers and kept cover originals are named by users rows. */
@Stateless
public class ProfileMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean isReferenced(String path) {
        return em.createNamedQuery(User.COUNT_MEDIA_PATH, Long.class).setParameter("path", path).getSingleResult() > 0;
    }
}
