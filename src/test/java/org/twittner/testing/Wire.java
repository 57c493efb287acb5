package org.twittner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Assertions on the wire format: envelope, exact key sets, JSON types. */
public final class Wire {

    /** JSON types as the apps check them (true and false are one type here). */
    public enum Type { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY }

    private Wire() {
    }

    /** {"code": code, "message": message, "data": ...} and nothing else unless listed. */
    public static void assertEnvelope(ApiClient.Reply reply, int code, String message, String... extraKeys) {
        JsonObject json = reply.json();
        assertEquals(Type.NUMBER, typeOf(json.get("code")), reply.toString());
        assertEquals(code, json.getInt("code"), reply.toString());
        assertEquals(Type.STRING, typeOf(json.get("message")), reply.toString());
        assertEquals(message, json.getString("message"), reply.toString());
        assertTrue(json.containsKey("data"), reply.toString());
        TreeSet<String> expected = new TreeSet<>(java.util.List.of("code", "message", "data"));
        expected.addAll(java.util.List.of(extraKeys));
        assertEquals(expected, new TreeSet<>(json.keySet()), reply.toString());
    }

    /** {"code": code, "data": ...} for the answers documented without a message (get_messages). */
    public static void assertEnvelopeWithoutMessage(ApiClient.Reply reply, int code, String... extraKeys) {
        JsonObject json = reply.json();
        assertEquals(Type.NUMBER, typeOf(json.get("code")), reply.toString());
        assertEquals(code, json.getInt("code"), reply.toString());
        TreeSet<String> expected = new TreeSet<>(java.util.List.of("code", "data"));
        expected.addAll(java.util.List.of(extraKeys));
        assertEquals(expected, new TreeSet<>(json.keySet()), reply.toString());
    }

    /** An error: the envelope with {@code data: []}. */
    public static void assertError(ApiClient.Reply reply, int code, String message) {
        assertEnvelope(reply, code, message);
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, reply.json().get("data"), reply.toString());
    }

    /** A success without payload: code 200 and {@code data: []}. */
    public static void assertDone(ApiClient.Reply reply, String message) {
        assertError(reply, 200, message);
    }

    /** Exactly these keys, each of this JSON type. */
    public static void assertShape(JsonObject object, Map<String, Type> shape) {
        assertEquals(new TreeSet<>(shape.keySet()), new TreeSet<>(object.keySet()), object.toString());
        shape.forEach((key, type) -> assertEquals(type, typeOf(object.get(key)), key + " in " + object));
    }

    public static Map<String, Type> shape(Object... keyTypePairs) {
        Map<String, Type> shape = new LinkedHashMap<>();
        for (int i = 0; i < keyTypePairs.length; i += 2) {
            shape.put((String) keyTypePairs[i], (Type) keyTypePairs[i + 1]);
        }
        return shape;
    }

    public static Type typeOf(JsonValue value) {
        if (value == null) {
            throw new AssertionError("missing key");
        }
        return switch (value.getValueType()) {
            case STRING -> Type.STRING;
            case NUMBER -> Type.NUMBER;
            case TRUE, FALSE -> Type.BOOLEAN;
            case OBJECT -> Type.OBJECT;
            case ARRAY -> Type.ARRAY;
            case NULL -> throw new AssertionError("null is never sent");
        };
    }

    /** The ids of a list answer whose data is the array; an empty list (204 "No data found") is no ids. */
    public static List<Long> ids(ApiClient.Reply reply) {
        if (reply.code() == 204) {
            assertError(reply, 204, "No data found");
            return List.of();
        }
        assertEquals(200, reply.code(), reply.toString());
        return ids(reply.json().getJsonArray("data"));
    }

    /** The ids of a list's items. */
    public static List<Long> ids(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    /** The ids of these items. */
    public static List<Long> ids(List<JsonObject> items) {
        return items.stream().map(item -> item.getJsonNumber("id").longValue()).toList();
    }
}
