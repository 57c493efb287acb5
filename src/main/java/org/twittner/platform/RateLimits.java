package org.twittner.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Limits on attempts at sign-in, sign-up, password reset and social sign-in, per client address
 * and per account, in fixed windows. The counts live in the database (table rate_limits), so
 * that every server instance of a deployment enforces the same limit; each attempt is one
 * upsert in a transaction of its own, committed whatever the attempt's outcome. Accounts are
 * counted under a hash of their key: the table holds no e-mail addresses.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RateLimits {

    @PersistenceContext
    EntityManager em;

    @Inject
    TwittnerConfig config;

    @Inject
    Clock clock;

    /**
     * Counts one attempt of {@code action} from {@code address} on {@code account}, or refuses it
     * with {@link TooManyAttempts} once either count is over its limit in the current window.
     * {@code account} is null when the attempt names none; {@code countAddress} false counts
     * only the account (the address was counted by an earlier step of the same attempt).
     */
    public void attempt(String action, String address, String account) {
        attempt(action, address, account, true);
    }

    public void attempt(String action, String address, String account, boolean countAddress) {
        if (!config.rateLimitsOn() || config.rateLimitExempt().contains(TrustedProxies.normalized(address))) {
            return;
        }
        long now = clock.unixSeconds();
        int window = config.rateLimitWindowSeconds();
        long start = now - Math.floorMod(now, window);
        boolean over = countAddress && hit(action + ":address:" + address, start) > config.rateLimitPerAddress();
        if (account != null && !account.isBlank()) {
            over |= hit(action + ":account:" + hash(account.strip().toLowerCase(Locale.ROOT)), start) > config.rateLimitPerAccount();
        }
        if (over) {
            throw new TooManyAttempts(start + window - now);
        }
    }

    private int hit(String bucket, long windowStart) {
        String key = bucket.length() <= 200 ? bucket : bucket.substring(0, 136) + hash(bucket);
        em.createNativeQuery("INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?1, ?2, 1)"
                        + " ON DUPLICATE KEY UPDATE hits = hits + 1")
                .setParameter(1, key).setParameter(2, windowStart).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT hits FROM rate_limits WHERE bucket = ?1 AND window_start = ?2")
                .setParameter(1, key).setParameter(2, windowStart).getSingleResult()).intValue();
    }

    /** Windows that ended are of no use: removed every few minutes. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void forgetEndedWindows() {
        em.createNativeQuery("DELETE FROM rate_limits WHERE window_start < ?1")
                .setParameter(1, clock.unixSeconds() - config.rateLimitWindowSeconds()).executeUpdate();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
