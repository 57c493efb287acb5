package org.twittner.platform;

/** Text people write (posts, comments of reports, later captions and messages), as it is stored. */
public final class FreeText {

    private FreeText() {
    }

    /**
     * Trimmed, control characters but line breaks removed, cut to {@code maxCharacters} (code
     * points, as people count them: an emoji is one). Linear in the input, and reads no more of
     * it than the cut needs.
     */
    public static String clean(String text, int maxCharacters) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), 4 * maxCharacters));
        int characters = 0;
        String stripped = text.strip();
        for (int i = 0; i < stripped.length() && characters < maxCharacters; ) {
            int c = stripped.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) && c != '\n') {
                continue;
            }
            kept.appendCodePoint(c);
            characters++;
        }
        return kept.toString().strip();
    }
}
