package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.media.control.MediaReferences;

/** Swift and draft files that a committed row names (drafts are one per user: a short scan). */
@Stateless
public class SwiftMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean isReferenced(String path) {
        return ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM swifts WHERE src = ?1 OR poster = ?1)"
                + " + (SELECT COUNT(*) FROM swift_drafts WHERE src = ?1 OR poster = ?1)")
                .setParameter(1, path).getSingleResult()).longValue() > 0;
    }
}
