package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void wordsAreFoldedForCaseAccentsAndCompatibilityForms() {
        assertEquals(List.of("cafe", "creme", "brulee"), List.copyOf(SearchText.terms("Café CRÈME brûlée")));
        assertEquals(List.of("елка", "привет"), List.copyOf(SearchText.terms("Ёлка ПРИВЕТ")));
        assertEquals(List.of("fine", "abc"), List.copyOf(SearchText.terms("ﬁne ＡＢＣ")), "ligature and full-width letters");
        assertEquals(SearchText.terms("ёлка"), SearchText.terms("елка"));
    }

    @Test
    void tagsAndNamesAreTermsOfTheirOwnAndWordsToo() {
        assertEquals(List.of("#java", "java", "hi", "@ann_b", "ann_b"), List.copyOf(SearchText.terms("#Java, hi @Ann_B!")));
        assertEquals(List.of("a", "b"), List.copyOf(SearchText.terms("a#b")), "not a tag inside a word");
        assertEquals(List.of("#日本", "日本"), List.copyOf(SearchText.terms("#日本")));
    }

    @Test
    void scriptsWithoutSpacesArePairsOfCharacters() {
        assertEquals(List.of("東京", "京都", "w1"), List.copyOf(SearchText.terms("東京都w1")));
        assertEquals(List.of("猫"), List.copyOf(SearchText.terms("猫")));
        Set<String> thai = SearchText.terms("สวัสดี");
        assertTrue(thai.size() >= 2, thai.toString());
        assertEquals(List.of("नमस्ते"), List.copyOf(SearchText.terms("नमस्ते")), "Devanagari keeps its vowel signs");
    }

    @Test
    void termsAreCutAndPunctuationIsNoWord() {
        assertEquals(SearchText.MAX_TERM, SearchText.terms("x".repeat(100)).iterator().next().length());
        assertEquals(Set.of(), SearchText.terms("!!! ... ---"));
        assertEquals(List.of("don", "t"), List.copyOf(SearchText.terms("don't")));
        String long600 = "word ".repeat(120);
        assertEquals(Set.of("word"), SearchText.terms(long600));
    }

    @Test
    void peopleAreFoundByTheirNamesAndTheBeginningsOfLongerOnes() {
        assertEquals(List.of("mar", "mari", "maria", "jo", "mul", "mull", "mulle", "muller"),
                List.copyOf(SearchText.nameKeys("Maria", "Jo", "Müller")));
        assertEquals(List.of("ann", "ann_", "ann_b", "b"), List.copyOf(SearchText.nameKeys("ann_b", "", null)),
                "the username whole and its parts");
        assertEquals(List.of("東京"), List.copyOf(SearchText.nameKeys("", "東京", "")));
    }
}
