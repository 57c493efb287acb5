package org.twittner.platform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words search matches on, the same for what is indexed and for what is asked, on every
 * database (the index holds these terms, not the database's idea of words):
 * <ul>
 * <li>folded: lower case, compatibility forms unified (full-width letters, ligatures), and
 *     accents dropped where scripts treat them as optional (Latin, Greek, Cyrillic; Arabic and
 *     Hebrew vowel marks), so "Café", "CAFE" and "café" are one word; marks that are letters'
 *     parts elsewhere (Devanagari, Thai...) are kept;</li>
 * <li>a word is a run of letters, digits, marks and '_' (what a hashtag is made of);</li>
 * <li>a word written as #tag or @name is also its own term ("#java", "@ann"), so that "#java"
 *     finds the tag only and "java" finds both;</li>
 * <li>scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are
 *     cut into overlapping pairs of characters, so a phrase is found inside a longer run
 *     ("東京都" holds 東京 and 京都);</li>
 * <li>a term is at most {@value #MAX_TERM} characters (longer words are cut: a query is 32
 *     characters at most, so nothing findable is lost).</li>
 * </ul>
 * Linear in its input, which callers bound (a post is 600 characters, a query 32).
 */
public final class SearchText {

    public static final int MAX_TERM = 32;

    private SearchText() {
    }

    /** The terms of a text, distinct, in order of appearance. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String folded = fold(text);
        int i = 0;
        int n = folded.length();
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordPart(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            String word = folded.substring(start, i);
            char sign = start > 0 ? folded.charAt(start - 1) : ' ';
            boolean atWordStart = start < 2 || !isWordPart(folded.codePointBefore(start - 1));
            if ((sign == '#' || sign == '@') && atWordStart) {
                terms.add(cut(sign + word));
            }
            addWords(word, terms);
        }
        return terms;
    }

    /** A query's terms: the same words as {@link #terms}, as a list (every one must match). */
    public static List<String> queryTerms(String query) {
        return new ArrayList<>(terms(query));
    }

    /** What finds a person: the username, whole and in its '_'-separated parts, and the words of both names. */
    public static Set<String> nameTerms(String username, String firstName, String lastName) {
        Set<String> terms = new LinkedHashSet<>(terms(username));
        for (String part : fold(username).split("_")) {
            terms.addAll(terms(part));
        }
        terms.addAll(terms(firstName == null ? "" : firstName));
        terms.addAll(terms(lastName == null ? "" : lastName));
        return terms;
    }

    /** Name terms of this many characters or more are also found by their beginnings ("mar" finds Maria). */
    public static final int NAME_PREFIX_FROM = 3;

    /**
     * What a person is found by, each an exact key: every name term (see {@link #nameTerms}), and
     * the beginnings of those of {@value #NAME_PREFIX_FROM} characters or more from that length on
     * ("maria": "mar", "mari", "maria"). Shorter query words so match whole names only.
     */
    public static Set<String> nameKeys(String username, String firstName, String lastName) {
        Set<String> keys = new LinkedHashSet<>();
        for (String term : nameTerms(username, firstName, lastName)) {
            int length = term.codePointCount(0, term.length());
            if (length < NAME_PREFIX_FROM) {
                keys.add(term);
            }
            for (int n = NAME_PREFIX_FROM; n <= length; n++) {
                keys.add(term.substring(0, term.offsetByCodePoints(0, n)));
            }
        }
        return keys;
    }

    /** Folded text cut to {@code maxCharacters} (a column's size): hashtags' search key. */
    public static String fold(String text, int maxCharacters) {
        String folded = fold(text);
        return folded.codePointCount(0, folded.length()) <= maxCharacters ? folded
                : folded.substring(0, folded.offsetByCodePoints(0, maxCharacters));
    }

    /** Folded text (see the class comment). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (mark) {
                if (!optionalMarks(base)) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            base = Character.UnicodeScript.of(cp);
            out.appendCodePoint(cp);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** A word, or the pairs of its runs in scripts written without spaces. */
    private static void addWords(String word, Set<String> terms) {
        int i = 0;
        int n = word.length();
        while (i < n) {
            boolean unspaced = unspaced(word.codePointAt(i));
            int start = i;
            while (i < n && unspaced(word.codePointAt(i)) == unspaced) {
                i += Character.charCount(word.codePointAt(i));
            }
            String run = word.substring(start, i);
            if (!unspaced) {
                terms.add(cut(run));
                continue;
            }
            int[] cps = run.codePoints().toArray();
            if (cps.length == 1) {
                terms.add(run);
            }
            for (int k = 0; k + 1 < cps.length; k++) {
                terms.add(new String(cps, k, 2));
            }
        }
    }

    private static String cut(String term) {
        return term.codePointCount(0, term.length()) <= MAX_TERM ? term
                : term.substring(0, term.offsetByCodePoints(0, MAX_TERM));
    }

    private static boolean isWordPart(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean optionalMarks(Character.UnicodeScript script) {
        return switch (script) {
            case LATIN, GREEK, CYRILLIC, ARABIC, HEBREW, COMMON, INHERITED -> true;
            default -> false;
        };
    }

    private static boolean unspaced(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }
}
