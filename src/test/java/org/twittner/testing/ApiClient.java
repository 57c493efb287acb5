package org.twittner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the API the way the mobile apps do: GET with a query string, POST urlencoded, and POST
 * multipart/form-data (the Flutter app's Dio sends every POST that way).
 */
public final class ApiClient {

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * {@code deployment} is any URL of the server; only scheme and port are used. The host is
     * always 127.0.0.1 (Arquillian may report the machine's own address): the test servers
     * exempt it from rate limits, and the reset links they mail name it.
     */
    public ApiClient(URL deployment) {
        this.root = URI.create(deployment.getProtocol() + "://127.0.0.1:" + deployment.getPort() + "/");
    }

    public URI root() {
        return root;
    }

    public Reply get(String endpoint, String... nameValuePairs) {
        String query = form(nameValuePairs);
        return send(HttpRequest.newBuilder(url(endpoint, query)).GET());
    }

    public Reply postForm(String endpoint, String... nameValuePairs) {
        return send(HttpRequest.newBuilder(url(endpoint, ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(nameValuePairs))));
    }

    public Reply postMultipart(String endpoint, String... nameValuePairs) {
        return postMultipart(endpoint, fields(nameValuePairs));
    }

    public Reply postMultipart(String endpoint, Map<String, String> fields, FilePart... files) {
        return send(multipartRequest(endpoint, fields, files));
    }

    /** A multipart POST, for a test that adds headers of its own. */
    public HttpRequest.Builder multipartRequest(String endpoint, Map<String, String> fields, FilePart... files) {
        Multipart body = new Multipart(fields, files);
        return HttpRequest.newBuilder(url(endpoint, ""))
                .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes));
    }

    /** Any request; the answer must still be an API envelope. */
    public Reply send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = raw(request);
        assertEquals(200, response.statusCode(), "every API answer is HTTP 200");
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "Content-Type was " + type);
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            return new Reply(reader.readObject(), response);
        }
    }

    public HttpResponse<byte[]> raw(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A media file by the public URL an answer names, from this server; it must be there. */
    public byte[] fetch(String mediaUrl) {
        HttpResponse<byte[]> response = raw(HttpRequest.newBuilder(local(mediaUrl)));
        assertEquals(200, response.statusCode(), mediaUrl);
        return response.body();
    }

    /** The HTTP status of a media file by its public URL (404 once it is deleted). */
    public int status(String mediaUrl) {
        return raw(HttpRequest.newBuilder(local(mediaUrl))).statusCode();
    }

    /** The public URL's path on this server (the test servers' public URL names another host). */
    private URI local(String url) {
        return root.resolve(URI.create(url).getRawPath().substring(1));
    }

    public URI url(String endpoint, String query) {
        return root.resolve("mobile_api/" + endpoint + (query.isEmpty() ? "" : "?" + query));
    }

    public static Map<String, String> fields(String... nameValuePairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return fields;
    }

    public static String form(String... nameValuePairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(nameValuePairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** A file part of a multipart body. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /** The parsed answer. */
    public record Reply(JsonObject json, HttpResponse<byte[]> response) {

        public int code() {
            return json.getInt("code");
        }

        public JsonObject data() {
            return json.getJsonObject("data");
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }

    private static final class Multipart {
        final String boundary = "----twittner" + UUID.randomUUID().toString().replace("-", "");
        final byte[] bytes;

        Multipart(Map<String, String> fields, FilePart... files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
                write(out, value);
                write(out, "\r\n");
            });
            for (FilePart file : files) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
                out.writeBytes(file.content());
                write(out, "\r\n");
            }
            write(out, "--" + boundary + "--\r\n");
            bytes = out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
