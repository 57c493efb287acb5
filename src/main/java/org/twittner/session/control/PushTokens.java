package org.twittner.session.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Clock;

/**
 * save_pnotif_token: the push token of the device the caller is signed in on. One row per
 * session, so a user with two phones gets pushes on both; the row goes with its session
 * (logout, password change, expiry: foreign key). A token names one app installation, so a
 * token saved by another session (another account signed in on the same phone) moves there.
 */
@Stateless
public class PushTokens {

    static final int MIN_LENGTH = 50;
    static final int MAX_LENGTH = 250;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void save(Caller caller, String token, String type) {
        String value = token == null ? "" : token.strip();
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new ApiException(400, "Incorrect token value");
        }
        String platform = type == null || type.isBlank() ? "android" : type.strip().toLowerCase(Locale.ROOT);
        if (!platform.equals("android") && !platform.equals("ios")) {
            throw new ApiException(400, "Incorrect device type value");
        }
        String hash = Tokens.hash(value);
        // lock the session's own row first: two saves from one device run one after the other
        if (em.createNativeQuery("SELECT id FROM sessions WHERE id = ?1 FOR UPDATE").setParameter(1, caller.sessionId())
                .getResultList().isEmpty()) {
            throw ApiException.unauthorized(); // signed out meanwhile
        }
        em.createNativeQuery("DELETE FROM push_tokens WHERE token_hash = ?1 AND session_id <> ?2")
                .setParameter(1, hash).setParameter(2, caller.sessionId()).executeUpdate();
        int updated = em.createNativeQuery("UPDATE push_tokens SET token = ?1, token_hash = ?2, platform = ?3, updated_at = ?4"
                        + " WHERE session_id = ?5")
                .setParameter(1, value).setParameter(2, hash).setParameter(3, platform).setParameter(4, clock.unixSeconds())
                .setParameter(5, caller.sessionId()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO push_tokens (session_id, user_id, token, token_hash, platform, updated_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, caller.sessionId()).setParameter(2, caller.userId()).setParameter(3, value)
                    .setParameter(4, hash).setParameter(5, platform).setParameter(6, clock.unixSeconds()).executeUpdate();
        }
    }

    /**
     * A device whose token FCM reports as no longer registered (the app was uninstalled): its
     * token goes, with every push still waiting for it. Only if the device has not sent a new
     * token meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forgetDead(long sessionId, String token) {
        em.createNativeQuery("DELETE FROM push_tokens WHERE session_id = ?1 AND token_hash = ?2")
                .setParameter(1, sessionId).setParameter(2, Tokens.hash(token)).executeUpdate();
    }
}
