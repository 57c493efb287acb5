package org.twittner.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The API's time formats. Times are stored and sent as Unix seconds ({@link Clock}). */
public final class UnixTime {

    private static final DateTimeFormatter MONTH_YEAR =
            DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL_MONTH_YEAR =
            DateTimeFormatter.ofPattern("MMMM, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LIST_TIME =
            DateTimeFormatter.ofPattern("dd MMM, yy hh:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MESSAGE_TIME =
            DateTimeFormatter.ofPattern("dd MMM, yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private UnixTime() {
    }

    /** {@code member_since} of login and profile: "Jul 2020". */
    public static String monthYear(long unixSeconds) {
        return MONTH_YEAR.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** {@code member_since} of gen_settings: "July, 2020". */
    public static String fullMonthYear(long unixSeconds) {
        return FULL_MONTH_YEAR.format(Instant.ofEpochSecond(unixSeconds));
    }

    /**
     * {@code last_active} of user-list items: "21 Jun, 21 01:06 PM" (UTC). The reference prints
     * the month number where the minutes go (PHP's "m"); this prints the minutes.
     */
    public static String listTime(long unixSeconds) {
        return LIST_TIME.format(Instant.ofEpochSecond(unixSeconds));
    }

    /**
     * {@code time} of a message: "21 Nov, 2020 03:11" (UTC), the documented form. The reference
     * prints the month number where the minutes go (PHP's "m"); this prints the minutes.
     */
    public static String messageTime(long unixSeconds) {
        return MESSAGE_TIME.format(Instant.ofEpochSecond(unixSeconds));
    }
}
