package org.twittner.platform;

/**
 * Numbers in user input, read in one pass over at most {@link #MAX_CHARS} characters: a longer
 * value is refused before any parsing, so no request can make a number check slow.
 */
public final class NumberText {

    /** Longer than any number a client sends (a double's shortest form is 24 characters). */
    public static final int MAX_CHARS = 64;

    private NumberText() {
    }

    /**
     * What PHP's is_numeric accepts (the reference checks with it): optional leading
     * whitespace, a sign, digits with an optional fraction ("12", "-3", "12.5", ".5", "5."),
     * an optional exponent ("1e2"), optional trailing whitespace.
     */
    public static boolean isNumeric(CharSequence text) {
        if (text == null || text.length() > MAX_CHARS) {
            return false;
        }
        int n = text.length();
        int i = 0;
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        return i == n;
    }

    /**
     * A positive decimal id without sign or leading zero, of at most 18 digits (every such
     * value fits a long), or -1 for anything else.
     */
    public static long positiveId(CharSequence text) {
        if (text == null || text.isEmpty() || text.length() > 18 || text.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * PHP's intval for paging parameters: leading whitespace, a sign, then digits up to the
     * first other character; anything unreadable is 0. Bounded like the rest.
     */
    public static long leniently(CharSequence text) {
        if (text == null || text.length() > MAX_CHARS) {
            return 0;
        }
        int n = text.length();
        int i = 0;
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < n && isDigit(text.charAt(i))) {
            value = value > Long.MAX_VALUE / 10 - 1 ? Long.MAX_VALUE : value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PHP's whitespace for numeric strings: space, \t, \n, \r, \v, \f. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
