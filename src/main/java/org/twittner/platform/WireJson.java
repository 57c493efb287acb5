package org.twittner.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes envelopes as JSON. Payload records name their components in camelCase; on the wire they
 * are snake_case ({@code userName} becomes {@code user_name}), in alphabetical order (key order
 * carries no meaning in this API, but a stable one makes responses diffable). The Java
 * type of a component is its JSON type: a {@code String} counter is sent as a string, as the
 * apps expect.
 */
public final class WireJson {

    public static final String CONTENT_TYPE = "application/json";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withEncoding("UTF-8"));

    private WireJson() {
    }

    public static void write(Envelope envelope, OutputStream out) {
        JSONB.toJson(envelope.fields(), out);
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /** For the servlets: HTTP 200, JSON body. */
    public static void send(Envelope envelope, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        // with a length, not chunked and not "until the connection closes": an answer sent
        // before the rest of a body was read closes the connection, and the client must still
        // be able to tell that it read the whole answer
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        write(envelope, body);
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
