package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.media.control.MediaReferences;

/** Post and draft media files that a committed row names (both columns are indexed). */
@Stateless
public class PostMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean isReferenced(String path) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM post_media WHERE src = ?1 OR thumb = ?1")
                .setParameter(1, path).getSingleResult()).longValue() > 0;
    }
}
