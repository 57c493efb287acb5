package org.twittner.message.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.media.control.MediaReferences;

/** Message images that a committed row names (by the media_file index). */
@Stateless
public class MessageMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean isReferenced(String path) {
        return !em.createNativeQuery("SELECT id FROM messages WHERE media_file = ?1").setParameter(1, path)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
