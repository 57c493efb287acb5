package org.twittner.post.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void hashtagsAreUnicodeLettersAndDigitsAfterASpaceOrTheStart() {
        assertEquals(Map.of("java", "Java", "日本語", "日本語", "café2", "Café2"),
                PostText.hashtags("#Java is #java, see #日本語 and #Café2! not a#tag nor #"));
        assertEquals(List.of("java", "日本語", "café2"), List.copyOf(PostText.hashtags("#Java #日本語 #Café2").keySet()));
        assertEquals(Map.of(), PostText.hashtags("#-dash #!bang"));
        assertEquals(PostText.MAX_TAGS, PostText.hashtags("#a ".repeat(10).concat(tags(50))).size());
    }

    private static String tags(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("#t").append(i).append(' ');
        }
        return text.toString();
    }

    @Test
    void mentionsAreThreeToThirtyTwoWordCharacters() {
        assertEquals(List.of("alice", "bob_2"), PostText.mentions("hi @Alice and @bob_2, not @ab nor mail@x.org nor @alice"));
    }

    @Test
    void theWireFormEscapesAndLinks() {
        String html = PostText.html("<i>&</i> #Tag @bob @carol http://x.org/\"q", Set.of("bob"), "https://site");
        assertEquals("&lt;i&gt;&amp;&lt;/i&gt; <a href=\"https://site/search/posts?q=Tag\" class=\"inline-link\">#Tag</a>"
                + " <a href=\"https://site/bob\" class=\"inline-link\">@bob</a> @carol"
                + " <a href=\"http://x.org/\" target=\"_blank\" class=\"inline-link\">http://x.org/</a>\"q", html);
    }

    @Test
    void storedTextIsCleanedAndCutTo600Characters() {
        assertEquals("a\nb", PostText.clean("  a\u0000\n\u0007b  "));
        String emoji = "😀".repeat(700);
        String cut = PostText.clean(emoji);
        assertEquals(600, cut.codePointCount(0, cut.length()));
        assertEquals(180, PostText.ogText("x".repeat(300)).length());
    }

    @Test
    void aLongHostileTextIsHandledInOnePass() {
        String hostile = "#".repeat(100_000) + "@".repeat(100_000) + "http://" + "a".repeat(100_000);
        assertTrue(PostText.html(hostile, Set.of(), "s").length() >= hostile.length());
        assertTrue(PostText.hashtags(hostile).isEmpty());
    }
}
