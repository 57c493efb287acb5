package org.twittner.media.control;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * New stored paths in the reference layout, {@code upload/<folder>/YYYY/MM/<key>_<DD>_<hex>_<kind>.jpg}.
 * The random parts make names unguessable and unique, so a file never changes once written
 * (it may be cached for a year).
 */
public final class MediaPaths {

    private static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaPaths() {
    }

    /** A new path for a file written {@code today} (UTC, from the injected clock). */
    public static String newPath(LocalDate today, String folder, String kind, String extension) {
        StringBuilder key = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return String.format("%s%s/%04d/%02d/%s_%02d_%s_%s.%s", LocalMediaStore.PREFIX, folder,
                today.getYear(), today.getMonthValue(), key, today.getDayOfMonth(),
                HexFormat.of().formatHex(bytes), kind, extension);
    }
}
