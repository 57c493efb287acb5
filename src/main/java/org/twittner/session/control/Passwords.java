package org.twittner.session.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bcrypt hashing. New hashes are {@code $2a$}; existing {@code $2y$} hashes from a ColibriSM
 * (PHP) user table verify unchanged. Like PHP, bytes past the 72nd are ignored.
 */
public final class Passwords {

    private static final BCrypt.Hasher HASHER =
            BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER =
            BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    /** Hashes verified against when the e-mail is unknown, one per cost. */
    private static final Map<Integer, String> DUMMY_HASHES = new ConcurrentHashMap<>();

    /** How a password matched. */
    public enum Match {
        NONE,
        EXACT,
        /** Only the ColibriSM-filtered text matched an imported hash. */
        LEGACY_FILTERED
    }

    private Passwords() {
    }

    public static String hash(String password, int cost) {
        return HASHER.hashToString(cost, password.toCharArray());
    }

    /**
     * Whether the password matches the hash. The ColibriSM-filtered form is tried only on
     * imported ({@code $2y$}) hashes: on our own hashes it would let near misses ("secret1 "
     * for "secret1") in.
     */
    public static Match check(String password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            return Match.NONE;
        }
        if (verifies(password, hash)) {
            return Match.EXACT;
        }
        // verified whatever the hash, so that a wrong password costs the same on every account
        String filtered = LegacyPasswordText.filter(password);
        boolean filteredMatches = !filtered.equals(password) && verifies(filtered, hash);
        return filteredMatches && isImported(hash) ? Match.LEGACY_FILTERED : Match.NONE;
    }

    /** Made by PHP's password_hash, i.e. imported from ColibriSM. */
    public static boolean isImported(String hash) {
        return hash.startsWith("$2y$");
    }

    /**
     * For an unknown account: spends the time {@link #check} spends on a wrong password for a
     * hash of this cost, so that answers do not tell which e-mail addresses exist.
     */
    public static void checkNothing(String password, int cost) {
        String dummy = DUMMY_HASHES.computeIfAbsent(cost, c -> hash("no such account", c));
        verifies(password, dummy);
        String filtered = LegacyPasswordText.filter(password);
        if (!filtered.equals(password)) {
            verifies(filtered, dummy);
        }
    }

    /** The cost a stored hash was made with, or 0 when it is not bcrypt. */
    public static int cost(String hash) {
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (RuntimeException notBcrypt) {
            return 0;
        }
    }

    private static boolean verifies(String password, String hash) {
        try {
            return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
