package org.twittner.post.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twittner.platform.ApiException;
import org.twittner.platform.JsonParts;
import org.twittner.platform.RequestParams;
import org.twittner.post.control.NewPost;
import org.twittner.post.control.PostText;
import org.twittner.post.control.Publishing;
import org.twittner.post.control.Threads;
import org.twittner.post.entity.ReplyPrivacy;

/**
 * Reads publish_post's fields as the apps send them: og_data and poll_data as JSON text or as
 * PHP-style form arrays ({@code og_data[title]}, {@code poll_data[0][value]}). Every field is
 * bounded by the form reader (64 KB) before it is parsed, and the JSON parser is linear.
 */
final class PublishForm {

    static final int MAX_URL = 700;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 4;
    static final int MAX_OPTION_CHARACTERS = 25;
    static final String BAD_POLL = "Poll options are invalid: 2 to 4 options of 1 to 25 characters each";
    private static final Map<String, Integer> OG_FIELDS = Map.of("title", 300, "description", 600, "type", 50);

    private PublishForm() {
    }

    static NewPost read(RequestParams params) {
        String thread = params.get("thread_id");
        long threadId = thread == null || thread.isBlank() || thread.strip().equals("0")
                ? 0 : params.positiveId("thread_id", Threads.BAD_THREAD);
        return new NewPost(PostText.clean(params.get("post_text")), threadId, gif(params.get("gif_src")),
                ogData(params), pollOptions(params),
                ReplyPrivacy.parse(params.get("privacy")).orElse(ReplyPrivacy.EVERYONE));
    }

    private static String gif(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = webUrl(value);
        if (url == null) {
            throw Publishing.invalid();
        }
        return url;
    }

    /** An absolute http(s) URL with a host, at most 700 characters, or null. */
    static String webUrl(String value) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? url : null;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    /**
     * The link preview, sanitised: title, description, type (plain text, bounded), url and image
     * (http(s) only); stored as JSON. Without a usable url and title there is no preview.
     */
    static String ogData(RequestParams params) {
        Map<String, String> sent = new LinkedHashMap<>();
        String json = params.get("og_data");
        if (json != null && json.strip().startsWith("{")) {
            JsonObject object = parse(json, JsonValue.ValueType.OBJECT) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            object.forEach((key, value) -> {
                if (value instanceof JsonString text) {
                    sent.put(key, text.getString());
                }
            });
        } else {
            params.arrayFields("og_data").forEach((key, value) -> {
                if (key.length() > 2 && key.startsWith("[") && key.endsWith("]")) {
                    sent.put(key.substring(1, key.length() - 1), value);
                }
            });
        }
        String url = webUrl(sent.get("url"));
        String title = plain(sent.get("title"), OG_FIELDS.get("title"));
        if (url == null || title.isEmpty()) {
            return "";
        }
        var preview = JsonParts.object()
                .add("title", title)
                .add("description", plain(sent.get("description"), OG_FIELDS.get("description")))
                .add("image", webUrl(sent.get("image")) == null ? "" : webUrl(sent.get("image")))
                .add("type", plain(sent.get("type"), OG_FIELDS.get("type")))
                .add("url", url);
        return preview.build().toString();
    }

    /** Poll options from JSON ([{"value": ...}] or ["..."]) or form arrays; none when absent or empty. */
    static List<String> pollOptions(RequestParams params) {
        List<String> options = new ArrayList<>();
        String json = params.get("poll_data");
        if (json != null && !json.isBlank()) {
            if (!(parse(json, JsonValue.ValueType.ARRAY) instanceof JsonArray array)) {
                throw new ApiException(400, BAD_POLL);
            }
            for (JsonValue item : array) {
                JsonValue value = item instanceof JsonObject object ? object.get("value") : item;
                if (!(value instanceof JsonString text)) {
                    throw new ApiException(400, BAD_POLL);
                }
                options.add(text.getString());
            }
        } else {
            params.arrayFields("poll_data").forEach((key, value) -> {
                if (key.startsWith("[]") || key.endsWith("[value]") || key.matches("\\[\\d{1,3}\\](#\\d+)?")) {
                    options.add(value);
                }
            });
        }
        if (options.isEmpty()) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (String option : options) {
            String text = plain(option, MAX_OPTION_CHARACTERS + 1);
            if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_OPTION_CHARACTERS) {
                throw new ApiException(400, BAD_POLL);
            }
            cleaned.add(text);
        }
        if (cleaned.size() < MIN_OPTIONS || cleaned.size() > MAX_OPTIONS) {
            throw new ApiException(400, BAD_POLL);
        }
        return cleaned;
    }

    private static JsonValue parse(String json, JsonValue.ValueType expected) {
        try (JsonReader reader = JsonParts.reader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == expected ? value : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** One line of plain text: stripped, without control characters, at most {@code max} characters. */
    private static String plain(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        int count = 0;
        String stripped = value.strip();
        for (int i = 0; i < stripped.length() && count < max; ) {
            int c = stripped.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isISOControl(c)) {
                kept.appendCodePoint(c);
                count++;
            }
        }
        return kept.toString().strip();
    }
}
