package org.twittner.platform;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one API call. Each parameter may come from the query string or from the
 * body (urlencoded or multipart); when both carry it, the body wins. {@code session_id} may also
 * come from a {@code session_id} header (the Flutter app sends it there too).
 */
public final class RequestParams {

    public static final String SESSION_ID = "session_id";

    /** A text field longer than this is refused rather than buffered. */
    private static final int MAX_TEXT_FIELD_BYTES = 64 * 1024;

    private final Map<String, List<String>> query;
    private final Map<String, List<String>> body;
    private final String sessionHeader;

    public RequestParams(Map<String, List<String>> query, Map<String, List<String>> body, String sessionHeader) {
        this.query = query;
        this.body = body;
        this.sessionHeader = sessionHeader;
    }

    /** Reads the query string and the form body of a request handled by the JAX-RS servlet. */
    public static RequestParams of(HttpServletRequest request) {
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        Map<String, List<String>> body = isMultipart(request.getContentType())
                ? multipartFields(request)
                : formFields(request, query);
        return new RequestParams(query, body, request.getHeader(SESSION_ID));
    }

    /** The value of a parameter, body first, or null when it was not sent. */
    public String get(String name) {
        String value = last(body.get(name));
        return value != null ? value : last(query.get(name));
    }

    /** The caller's access token, or null. */
    public String sessionToken() {
        String token = get(SESSION_ID);
        if (token == null || token.isBlank()) {
            token = sessionHeader;
        }
        return token == null || token.isBlank() ? null : token.trim();
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    public static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> values = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return values;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformedEscape) {
                // a broken %-escape drops that one pair, as PHP would not crash either
            }
        }
        return values;
    }

    /**
     * The servlet container merges query and urlencoded body, query values first; what is left
     * after the query's values is the body's.
     */
    private static Map<String, List<String>> formFields(HttpServletRequest request, Map<String, List<String>> query) {
        Map<String, List<String>> body = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            int fromQuery = query.getOrDefault(name, List.of()).size();
            if (values.length > fromQuery) {
                body.put(name, List.of(values).subList(fromQuery, values.length));
            }
        });
        return body;
    }

    private static Map<String, List<String>> multipartFields(HttpServletRequest request) {
        Map<String, List<String>> body = new HashMap<>();
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null || part.getSize() > MAX_TEXT_FIELD_BYTES) {
                    continue;
                }
                try (InputStream in = part.getInputStream()) {
                    String value = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    body.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(value);
                }
            }
        } catch (IOException | ServletException | IllegalStateException unreadable) {
            throw new ApiException(400, "The request body is malformed or too large");
        }
        return body;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
