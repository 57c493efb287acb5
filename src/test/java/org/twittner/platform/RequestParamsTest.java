package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParamsTest {

    @Test
    void queryStringIsDecodedAsAForm() {
        Map<String, List<String>> query = RequestParams.parseQuery("a=1&b=x+y&c=%C3%A9&flag&a=2&bad=%zz");
        assertEquals(List.of("1", "2"), query.get("a"));
        assertEquals(List.of("x y"), query.get("b"));
        assertEquals(List.of("é"), query.get("c"));
        assertEquals(List.of(""), query.get("flag"));
        assertNull(query.get("bad"));
    }

    @Test
    void bodyWinsOverQuery() {
        RequestParams params = new RequestParams(Map.of("user_id", List.of("1"), "page", List.of("2")),
                Map.of("user_id", List.of("7")), null);
        assertEquals("7", params.get("user_id"));
        assertEquals("2", params.get("page"));
        assertNull(params.get("missing"));
    }

    @Test
    void sessionIdFromBodyQueryOrHeader() {
        assertEquals("body", new RequestParams(Map.of("session_id", List.of("query")),
                Map.of("session_id", List.of("body")), "header").sessionToken());
        assertEquals("query", new RequestParams(Map.of("session_id", List.of("query")), Map.of(), "header").sessionToken());
        assertEquals("header", new RequestParams(Map.of(), Map.of("session_id", List.of(" ")), " header ").sessionToken());
        assertNull(new RequestParams(Map.of(), Map.of(), "").sessionToken());
    }

    private static RequestParams body(String... pairs) {
        Map<String, List<String>> body = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], List.of(pairs[i + 1]));
        }
        return new RequestParams(Map.of(), body, null);
    }

    @Test
    void typedReadersRefuseWithTheEndpointsMessage() {
        assertEquals(7, body("user_id", " 7 ").positiveId("user_id", "User ID is missing or invalid"));
        for (String bad : new String[] {"0", "-7", "abc", "7e2", "1".repeat(100_000)}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> body("user_id", bad).positiveId("user_id", "User ID is missing or invalid"));
            assertEquals(400, refused.code());
            assertEquals("User ID is missing or invalid", refused.getMessage());
        }
        assertThrows(ApiException.class, () -> body().positiveId("user_id", "missing"));
        assertEquals(-12.5, body("n", "-12.5").number("n", "bad"));
        assertEquals(100.0, body("n", "1e2").number("n", "bad"));
        ApiException refused = assertThrows(ApiException.class, () -> body("n", "9".repeat(20_000) + "x").number("n", "bad"));
        assertEquals("bad", refused.getMessage());
    }

    @Test
    void pagesAreKeysetsWithinTheEndpointsLimits() {
        PageRules rules = new PageRules(15, 50, 204, "No more items");
        assertEquals(new Page(Long.MAX_VALUE, 15), body().page(rules));
        assertEquals(new Page(Long.MAX_VALUE, 15), body("offset", "0", "page_size", "").page(rules));
        assertEquals(new Page(120, 20), body("offset", "120", "page_size", "20").page(rules));
        assertEquals(new Page(120, 50), body("offset", "120", "page_size", "5000").page(rules));
        assertEquals(new Page(Long.MAX_VALUE, 15), body("offset", "-4", "page_size", "-1").page(rules));
        assertEquals(new Page(Long.MAX_VALUE, 15), body("offset", "abc", "page_size", "x").page(rules));
        assertEquals(204, rules.empty().code());
        assertEquals("No more items", rules.empty().getMessage());
    }

    @Test
    void indexIsZeroOrAPositiveIdAndNothingElse() {
        for (String good : new String[] {"0", " 3 ", "12"}) {
            assertEquals(Long.parseLong(good.strip()), form("i", good).index("i", "refused"));
        }
        for (String bad : new String[] {"", "-1", "00", "01", "1.5", "1e2", "x", "9".repeat(19)}) {
            ApiException refused = assertThrows(ApiException.class, () -> form("i", bad).index("i", "refused"), bad);
            assertEquals("refused", refused.getMessage());
        }
        assertThrows(ApiException.class, () -> form("other", "1").index("i", "refused"));
    }

    @Test
    void reportReasonIsOneToSixAndTheCommentIsCleanedAndCut() {
        ReportForm form = ReportForm.read(new RequestParams(Map.of(), Map.of("reason", List.of("6"),
                "comment", List.of("  spam\u0000 here \n" + "é".repeat(3000))), null));
        assertEquals(6, form.reason());
        assertEquals(2900, form.comment().codePointCount(0, form.comment().length()));
        assertTrue(form.comment().startsWith("spam here \n"));
        for (String bad : new String[] {"0", "7", "", "abc", "-1"}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> ReportForm.read(new RequestParams(Map.of(), Map.of("reason", List.of(bad)), null)), bad);
            assertEquals(ReportForm.BAD_REASON, refused.getMessage());
        }
        assertEquals("", ReportForm.read(new RequestParams(Map.of(), Map.of("reason", List.of("1")), null)).comment());
    }

    private static RequestParams form(String name, String value) {
        return new RequestParams(Map.of(), Map.of(name, List.of(value)), null);
    }
}
