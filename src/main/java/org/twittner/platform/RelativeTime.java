package org.twittner.platform;

/**
 * Times as the apps show them under a post or a notification: "just now", "24 seconds ago",
 * "9 hours ago" (English, as the reference server's API sends them).
 */
public final class RelativeTime {

    private static final long[] SECONDS = {365L * 86_400, 30L * 86_400, 86_400, 3_600, 60, 1};
    private static final String[] UNITS = {"year", "month", "day", "hour", "minute", "second"};

    private RelativeTime() {
    }

    /** How long before {@code now} the moment {@code then} was; a moment in the future is "just now". */
    public static String ago(long then, long now) {
        long elapsed = now - then;
        if (elapsed < 1) {
            return "just now";
        }
        for (int i = 0; i < SECONDS.length; i++) {
            long count = elapsed / SECONDS[i];
            if (count >= 1) {
                return count + " " + UNITS[i] + (count == 1 ? "" : "s") + " ago";
            }
        }
        return "just now";
    }
}
