package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Set;
import org.twittner.platform.ApiException;
import org.twittner.user.entity.User;

/** language: the display languages the apps offer, by their lower-case English names. */
@Stateless
public class Languages {

    /** The documented ten and the reference's arabic (note "ukraine", as the apps send it). */
    static final Set<String> KNOWN = Set.of("english", "french", "german", "italian", "russian", "portuguese", "spanish",
            "turkish", "dutch", "ukraine", "arabic");

    @PersistenceContext
    EntityManager em;

    public void change(long userId, String langName) {
        String name = langName == null ? "" : langName.strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            throw new ApiException(400, "Display language name is invalid or missing");
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        user.setLanguage(name);
    }
}
