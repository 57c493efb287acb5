package org.twittner.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;

/**
 * JSON-P builders and readers from one provider looked up once. {@code Json.createObjectBuilder()}
 * and {@code Json.createReader(...)} look the provider up with a ServiceLoader on every call,
 * which searches the server's jars (13 % of a JFR profile's samples of search_posts, for the
 * media items' small objects).
 */
public final class JsonParts {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonParts() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject copy) {
        return PROVIDER.createObjectBuilder(copy);
    }

    public static JsonReader reader(Reader text) {
        return PROVIDER.createReader(text);
    }

    public static JsonReader reader(InputStream bytes) {
        return PROVIDER.createReader(bytes);
    }
}
