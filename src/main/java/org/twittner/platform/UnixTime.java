package org.twittner.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The API's time formats. Times are stored and sent as Unix seconds ({@link Clock}). */
public final class UnixTime {

    private static final DateTimeFormatter MONTH_YEAR =
            DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private UnixTime() {
    }

    /** {@code member_since} of login and profile: "Jul 2020". */
    public static String monthYear(long unixSeconds) {
        return MONTH_YEAR.format(Instant.ofEpochSecond(unixSeconds));
    }
}
