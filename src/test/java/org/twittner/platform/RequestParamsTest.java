package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
