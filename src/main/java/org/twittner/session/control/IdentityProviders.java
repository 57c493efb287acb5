package org.twittner.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.ApiException;
import org.twittner.platform.JsonParts;
import org.twittner.platform.RequestGate;
import org.twittner.platform.TwittnerConfig;

/**
 * Asks the identity provider who an access token belongs to: Google's OpenID userinfo, Facebook
 * Graph's {@code me}. The token goes in an Authorization header (not the URL, which proxies
 * log). The whole call, answer included, is bounded by TWITTNER_OAUTH_TIMEOUT_SECONDS and the
 * answer by {@value #MAX_ANSWER_BYTES} bytes.
 */
@ApplicationScoped
public class IdentityProviders {

    static final int MAX_ANSWER_BYTES = 64 * 1024;
    public static final String UNAVAILABLE = "API Error \u2013 API unavailable";
    private static final Logger LOG = Logger.getLogger(IdentityProviders.class.getName());

    /** Who the provider says the token's owner is; {@code email} is null when it gave none. */
    public record Identity(String provider, String id, String email, boolean emailVerified, String firstName, String lastName) {
    }

    @Inject
    TwittnerConfig config;

    @Inject
    RequestGate gate;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** {@code provider}: google or facebook. The request gives up its turn while the provider answers. */
    public Identity lookUp(String provider, String accessToken) {
        return gate.outside(() -> ask(provider, accessToken));
    }

    private Identity ask(String provider, String accessToken) {
        URI uri = provider.equals("google")
                ? URI.create(config.oauthGoogleUrl() + "/oauth2/v3/userinfo")
                : URI.create(config.oauthFacebookUrl() + "/me?fields=" + URLEncoder.encode("id,first_name,last_name,email",
                        StandardCharsets.UTF_8));
        int timeout = config.oauthTimeoutSeconds();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(timeout))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET().build();
        int status;
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout, TimeUnit.SECONDS);
            status = response.statusCode();
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES);
            }
        } catch (TimeoutException | ExecutionException | IOException | IllegalArgumentException failed) {
            LOG.log(Level.WARNING, "{0} sign-in: the provider at {1} did not answer: {2}",
                    new Object[] {provider, uri.getHost(), String.valueOf(failed)});
            throw unavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        JsonObject json = parse(body);
        if (status >= 400 && status < 500) {
            throw new ProviderRefused(refusal(provider, json));
        }
        if (status != 200 || json == null) {
            LOG.log(Level.WARNING, "{0} sign-in: the provider answered HTTP {1}", new Object[] {provider, status});
            throw unavailable();
        }
        return provider.equals("google") ? google(json) : facebook(json);
    }

    private static Identity google(JsonObject json) {
        String id = text(json, "sub");
        if (id.isEmpty()) {
            throw new ProviderRefused(ProviderRefused.INVALID);
        }
        String email = text(json, "email");
        boolean verified = json.get("email_verified") == JsonValue.TRUE
                || "true".equals(text(json, "email_verified")); // some answers send it as a string
        return new Identity("google", id, email.isEmpty() ? null : email, verified, text(json, "given_name"),
                text(json, "family_name"));
    }

    private static Identity facebook(JsonObject json) {
        String id = text(json, "id");
        if (id.isEmpty()) {
            throw new ProviderRefused(ProviderRefused.INVALID);
        }
        String email = text(json, "email");
        // Facebook gives an address only once its owner has confirmed it
        return new Identity("facebook", id, email.isEmpty() ? null : email, !email.isEmpty(), text(json, "first_name"),
                text(json, "last_name"));
    }

    /** What the caller is told: Google's error body, Facebook's {@code error} object. */
    private static Object refusal(String provider, JsonObject json) {
        if (json == null) {
            return ProviderRefused.INVALID;
        }
        if (provider.equals("facebook") && json.get("error") instanceof JsonObject error) {
            return error;
        }
        return json;
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = JsonParts.reader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? json.getString(key) : value.toString();
        return text.strip();
    }

    private static ApiException unavailable() {
        return new ApiException(500, UNAVAILABLE);
    }

    /** The provider refused the token: 402 with its error echoed under a top-level {@code error}. */
    public static final class ProviderRefused extends ApiException {

        private static final long serialVersionUID = 1L;
        public static final Map<String, String> INVALID = Map.of("error", "invalid_request", "error_description",
                "Invalid Credentials");

        private final transient Object error;

        public ProviderRefused(Object error) {
            super(402, "Access token is invalid or missing");
            this.error = error;
        }

        @Override
        public org.twittner.platform.Envelope toEnvelope() {
            return super.toEnvelope().with("error", error);
        }
    }
}
