package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"10", "-3", "+4", "12.5", " 12.9 ", ".5", "5.", "1e2", "1E-3", "-.5e+10", "\t7\n"})
    void whatPhpIsNumericAccepts(String text) {
        assertTrue(NumberText.isNumeric(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ten", "10px", "0x1A", "1,5", "NaN", "Infinity", "--1", ".", "e5", "1e", "1e+",
            "1 2", "\u00a012"})
    void whatItRefuses(String text) {
        assertFalse(NumberText.isNumeric(text), text);
    }

    /**
     * The number check once took time growing with the square of its input (20,000 digits and
     * an "x" took 4 to 5 s). Counting the characters read, not timing: any input costs at most
     * one read per character of the first {@link NumberText#MAX_CHARS}, and a longer one none.
     */
    @Test
    void readsEachCharacterAtMostOnceAndNothingOfAnOverlongValue() {
        CountingText longRefused = new CountingText("9".repeat(20_000) + "x");
        assertFalse(NumberText.isNumeric(longRefused));
        assertEquals(0, longRefused.reads);
        assertFalse(NumberText.isNumeric(new CountingText("9".repeat(1_000_000))));
        for (String text : new String[] {"9".repeat(63) + "x", "1".repeat(30) + "." + "2".repeat(30) + "e", " ".repeat(64)}) {
            CountingText counted = new CountingText(text);
            NumberText.isNumeric(counted);
            assertTrue(counted.reads <= text.length() * 2L, text + ": " + counted.reads + " reads");
        }
        CountingText id = new CountingText("1".repeat(40_000));
        assertEquals(-1, NumberText.positiveId(id));
        assertEquals(0, id.reads);
        CountingText page = new CountingText("1".repeat(40_000));
        assertEquals(0, NumberText.leniently(page));
        assertEquals(0, page.reads);
    }

    @Test
    void positiveIds() {
        assertEquals(42, NumberText.positiveId("42"));
        assertEquals(999_999_999_999_999_999L, NumberText.positiveId("999999999999999999"));
        for (String bad : new String[] {"", "0", "042", "-1", "+1", "1.0", "1e3", "12a", "9999999999999999999", " 1"}) {
            assertEquals(-1, NumberText.positiveId(bad), bad);
        }
    }

    @Test
    void lenientPagingNumbersReadLikeIntval() {
        assertEquals(20, NumberText.leniently("20"));
        assertEquals(15, NumberText.leniently(" 15abc"));
        assertEquals(-3, NumberText.leniently("-3"));
        assertEquals(0, NumberText.leniently("abc"));
        assertEquals(0, NumberText.leniently(null));
        assertEquals(Long.MAX_VALUE, NumberText.leniently("9".repeat(40)));
    }

    /** A CharSequence that counts how often it is read. */
    static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException("the parser must not copy");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("the parser must not copy");
        }
    }
}
