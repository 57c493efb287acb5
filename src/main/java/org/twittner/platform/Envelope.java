package org.twittner.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one response shape of the API: {@code {"code", "message", "data"}} plus, for a few
 * endpoints, extra top-level keys (login's {@code auth}). Every response is HTTP 200; the
 * outcome is {@link #code()}. An empty payload is {@code []}, as the reference server sends it.
 */
public final class Envelope {

    /** Serialises as {@code []}. */
    public static final List<Object> EMPTY = List.of();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Envelope() {
    }

    public static Envelope of(int code, String message, Object data) {
        Envelope envelope = new Envelope();
        envelope.fields.put("code", code);
        envelope.fields.put("message", message);
        envelope.fields.put("data", data == null ? EMPTY : data);
        return envelope;
    }

    public static Envelope ok(String message, Object data) {
        return of(200, message, data);
    }

    public static Envelope error(int code, String message) {
        return of(code, message, EMPTY);
    }

    /** The reference server's answer to a name that is not an endpoint (it has no "code"). */
    public static Envelope invalidEndpoint() {
        Envelope envelope = new Envelope();
        envelope.fields.put("status", "400");
        envelope.fields.put("err_code", "invalid_endpoint");
        envelope.fields.put("message", "Invalid endpoint error on API call");
        return envelope;
    }

    /** Adds a top-level key beside code/message/data. */
    public Envelope with(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** For the few answers documented without a {@code data} key (verify_user). */
    public Envelope withoutData() {
        fields.remove("data");
        return this;
    }

    /** For the answers documented without a {@code message} key (get_messages, search_messages). */
    public Envelope withoutMessage() {
        fields.remove("message");
        return this;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
