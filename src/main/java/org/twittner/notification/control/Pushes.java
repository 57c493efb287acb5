package org.twittner.notification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.twittner.platform.Clock;
import org.twittner.platform.JsonParts;
import org.twittner.platform.TwittnerConfig;

/**
 * Puts pushes into the outbox: one row per device the recipient is signed in on (push_tokens),
 * in the caller's transaction, so a push exists exactly when what caused it committed. Nothing
 * is written while push is not configured. {@link PushWorker} sends them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Pushes {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 180;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TwittnerConfig config;

    /**
     * A push to every device of {@code recipientId}, titled with the name of {@code actorId}
     * (who did it); {@code data} is FCM's data map (strings).
     */
    public void toUser(long recipientId, long actorId, String kind, String body, Map<String, String> data) {
        if (config.fcmServiceAccount().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> actor = em.createNativeQuery("SELECT first_name, last_name FROM users WHERE id = ?1")
                .setParameter(1, actorId).getResultList();
        String title = actor.isEmpty() ? "" : (actor.get(0)[0] + " " + actor.get(0)[1]).strip();
        JsonObjectBuilder json = JsonParts.object();
        data.forEach(json::add);
        long now = clock.unixSeconds();
        em.createNativeQuery("INSERT INTO push_outbox (session_id, kind, title, body, data, next_attempt_at, created_at,"
                        + " actor_id) SELECT session_id, ?1, ?2, ?3, ?4, ?5, ?5, ?7 FROM push_tokens WHERE user_id = ?6")
                .setParameter(1, kind).setParameter(2, cut(title, MAX_TITLE)).setParameter(3, cut(body, MAX_BODY))
                .setParameter(4, json.build().toString()).setParameter(5, now).setParameter(6, recipientId)
                .setParameter(7, actorId).executeUpdate();
    }

    /** At most {@code max} characters (code points), an ellipsis where it was cut. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
