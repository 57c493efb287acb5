package org.twittner.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * The parameters of one API call. Each parameter may come from the query string or from the
 * body (urlencoded or multipart); when both carry it, the body wins. {@code session_id} may also
 * come from a {@code session_id} header (the Flutter app sends it there too).
 */
public final class RequestParams {

    public static final String SESSION_ID = "session_id";

    /** A text field longer than this is refused rather than buffered (upload forms too). */
    public static final int MAX_TEXT_FIELD_BYTES = 64 * 1024;
    /** The largest urlencoded form; {@link BodyReceiver} refuses a larger body before it is read. */
    public static final int MAX_FORM_BYTES = 1024 * 1024;
    /** The largest multipart form of an endpoint that takes no file. */
    public static final int MAX_MULTIPART_FORM_BYTES = 2 * 1024 * 1024;
    /** A form has a handful of fields; thousands of empty parts are an attack. */
    private static final int MAX_PARTS = 256;

    private final Map<String, List<String>> query;
    private final Map<String, List<String>> body;
    private final String sessionHeader;

    public RequestParams(Map<String, List<String>> query, Map<String, List<String>> body, String sessionHeader) {
        this.query = query;
        this.body = body;
        this.sessionHeader = sessionHeader;
    }

    private static final String ATTRIBUTE = RequestParams.class.getName();

    /**
     * The parameters of a request, as {@link BodyReceiver} (forms) or the upload servlet
     * (multipart uploads) read them.
     */
    public static RequestParams of(HttpServletRequest request) {
        Object read = request.getAttribute(ATTRIBUTE);
        if (read instanceof RequestParams params) {
            return params;
        }
        throw new IllegalStateException("the parameters of " + request.getRequestURI() + " were not read");
    }

    /** Makes these the parameters {@link ApiRequest} gives for this request. */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Reads the query string and the form body (urlencoded or multipart) of a servlet request. */
    public static RequestParams read(HttpServletRequest request) {
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        Map<String, List<String>> body = isMultipart(request.getContentType())
                ? multipartFields(request)
                : formFields(request);
        return new RequestParams(query, body, request.getHeader(SESSION_ID));
    }

    /** The value of a parameter, body first, or null when it was not sent. */
    public String get(String name) {
        String value = last(body.get(name));
        return value != null ? value : last(query.get(name));
    }

    /**
     * Every value of a repeated field ({@code name=1&name=2}) and of its PHP-style array form
     * ({@code name[]=1&name[]=2}), body first, then the query, in the order sent.
     */
    public List<String> values(String name) {
        List<String> values = new java.util.ArrayList<>();
        for (Map<String, List<String>> fields : List.of(body, query)) {
            values.addAll(fields.getOrDefault(name, List.of()));
            values.addAll(fields.getOrDefault(name + "[]", List.of()));
        }
        return values;
    }

    /**
     * The values of PHP-style array fields ({@code name[]}, {@code name[0][value]}, {@code name[title]}),
     * by the part of the field name after {@code name}, in the order of their names; the apps send
     * og_data and poll_data so. Body fields only, as the reference reads them.
     */
    public java.util.SortedMap<String, String> arrayFields(String name) {
        java.util.SortedMap<String, String> fields = new java.util.TreeMap<>(RequestParams::byIndex);
        String prefix = name + "[";
        for (Map.Entry<String, List<String>> field : body.entrySet()) {
            if (field.getKey().startsWith(prefix)) {
                List<String> values = field.getValue();
                String key = field.getKey().substring(name.length());
                for (int i = 0; i < values.size(); i++) {
                    // repeated "name[]" fields keep their order as "[]#0", "[]#1", ...
                    fields.put(values.size() == 1 ? key : key + "#" + i, values.get(i));
                }
            }
        }
        return fields;
    }

    /** "[2][value]" before "[10][value]": numeric indexes compare as numbers. */
    private static int byIndex(String a, String b) {
        String na = leadingIndex(a);
        String nb = leadingIndex(b);
        if (na != null && nb != null && na.length() != nb.length()) {
            return Integer.compare(na.length(), nb.length());
        }
        return a.compareTo(b);
    }

    private static String leadingIndex(String key) {
        int end = 1;
        while (end < key.length() && end < 12 && Character.isDigit(key.charAt(end))) {
            end++;
        }
        return end > 1 && key.startsWith("[") ? key.substring(1, end) : null;
    }

    /**
     * A positive id (decimal, no sign, at most 18 digits), or the endpoint's documented 400.
     * The only way to read an id: it is bounded before it is parsed.
     */
    public long positiveId(String name, String refusal) {
        String value = get(name);
        long id = value == null ? -1 : NumberText.positiveId(value.strip());
        if (id <= 0) {
            throw new ApiException(400, refusal);
        }
        return id;
    }

    /** A zero-based index ("0", or a positive id's digits), or the endpoint's documented 400. */
    public long index(String name, String refusal) {
        String value = get(name);
        String digits = value == null ? "" : value.strip();
        long index = digits.equals("0") ? 0 : NumberText.positiveId(digits);
        if (index < 0) {
            throw new ApiException(400, refusal);
        }
        return index;
    }

    /** A number as PHP's is_numeric reads it ("12", "-3.5", "1e2"), or the documented 400. */
    public double number(String name, String refusal) {
        String value = get(name);
        if (!NumberText.isNumeric(value)) {
            throw new ApiException(400, refusal);
        }
        return Double.parseDouble(value.strip());
    }

    /**
     * The keyset page of a list endpoint: {@code offset} is the id of the last item the client
     * has (0, empty or absent for the first page), {@code page_size} is read leniently like the
     * reference's intval and kept within the endpoint's limits.
     */
    public Page page(PageRules rules) {
        long offset = NumberText.leniently(get("offset"));
        long size = NumberText.leniently(get("page_size"));
        int pageSize = size <= 0 ? rules.defaultSize() : (int) Math.min(size, rules.maxSize());
        return new Page(offset > 0 ? offset : Long.MAX_VALUE, pageSize);
    }

    /** The caller's access token (the first one given in the body, the query, the header), or null. */
    public String sessionToken() {
        for (String token : new String[] {last(body.get(SESSION_ID)), last(query.get(SESSION_ID)), sessionHeader}) {
            if (token != null && !token.isBlank()) {
                return token.strip();
            }
        }
        return null;
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

    /** An urlencoded body, read from the stream. Any other body type carries no parameters. */
    private static Map<String, List<String>> formFields(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        try {
            // BodyReceiver bounded the body already; the cap here keeps this reader safe on its own
            byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw tooLarge();
            }
            return parseQuery(new String(body, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw tooLarge();
        }
    }

    /** A multipart form's text fields, streamed; file parts are skipped (files go to the upload endpoints). */
    private static Map<String, List<String>> multipartFields(HttpServletRequest request) {
        Map<String, List<String>> body = new HashMap<>();
        int parts = 0;
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++parts > MAX_PARTS) {
                    throw tooLarge();
                }
                try (InputStream in = item.getInputStream()) {
                    if (!item.isFormField()) {
                        continue; // closing the stream skips the part
                    }
                    byte[] value = in.readNBytes(MAX_TEXT_FIELD_BYTES + 1);
                    if (value.length > MAX_TEXT_FIELD_BYTES) {
                        throw tooLarge();
                    }
                    body.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>())
                            .add(new String(value, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ApiException refused) {
                throw refused;
            }
            // not multipart after all, cut short, or malformed: what was read stands, as PHP would do
        }
        return body;
    }

    static ApiException tooLarge() {
        return new ApiException(400, "The request body is malformed or too large");
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
