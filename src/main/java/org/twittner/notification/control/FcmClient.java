package org.twittner.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.Clock;
import org.twittner.platform.JsonParts;
import org.twittner.platform.TwittnerConfig;

/**
 * Sends one push through the FCM HTTP v1 API ({@code POST /v1/projects/<project>/messages:send})
 * with an OAuth access token from the service account, kept until shortly before it expires.
 * Every call is bounded by {@code twittner.push.timeout.seconds} and its answer read only up to
 * a few kilobytes. Android devices get a data message (the apps' channel, as the reference
 * sends), iOS devices a notification with badge and sound.
 */
@ApplicationScoped
public class FcmClient {

    /** What became of one push. */
    public enum Result { SENT, DEAD_TOKEN, REFUSED, RETRY }

    private static final Logger LOG = Logger.getLogger(FcmClient.class.getName());
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    @Inject
    TwittnerConfig config;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private ServiceAccount account;
    private String accessToken;
    private long accessTokenExpires;

    /** One waiting push, as the outbox and push_tokens hold it. */
    public record Push(String token, String platform, String kind, String title, String body, String data) {
    }

    public Result send(Push push) {
        String bearer;
        ServiceAccount sender;
        try {
            sender = account();
            bearer = accessToken(sender);
        } catch (IOException failed) {
            LOG.log(Level.WARNING, "push: no access token from Google ({0}); the push waits and is tried again",
                    failed.getMessage());
            return Result.RETRY;
        }
        URI uri = URI.create(config.fcmUrl() + "/v1/projects/" + URLEncoder.encode(sender.projectId(), StandardCharsets.UTF_8)
                + "/messages:send");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(config.pushTimeoutSeconds()))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message(push), StandardCharsets.UTF_8))
                .build();
        Answer answer;
        try {
            answer = call(request);
        } catch (IOException failed) {
            LOG.log(Level.INFO, "push: FCM did not answer ({0}); tried again later", failed.getMessage());
            return Result.RETRY;
        }
        if (answer.status() == 200) {
            return Result.SENT;
        }
        String error = answer.body();
        if (error.contains("\"UNREGISTERED\"")) {
            // FCM's own verdict, not any 404 (a wrong TWITTNER_FCM_URL must not delete every token)
            return Result.DEAD_TOKEN;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            forgetAccessToken();
            LOG.log(Level.WARNING, "push: FCM refused the access token (HTTP {0}); a new one is fetched", answer.status());
            return Result.RETRY;
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            return Result.RETRY;
        }
        LOG.log(Level.WARNING, "push: FCM refused a {0} push (HTTP {1}): {2}",
                new Object[] {push.kind(), answer.status(), error.length() > 300 ? error.substring(0, 300) : error});
        return Result.REFUSED;
    }

    /** The v1 message: a data message for Android, a notification for iOS. */
    static String message(Push push) {
        JsonObject data;
        try (JsonReader reader = JsonParts.reader(new StringReader(push.data()))) {
            data = reader.readObject();
        }
        JsonObjectBuilder fields = JsonParts.object(data).add("type", push.kind())
                .add("title", push.title()).add("body", push.body());
        JsonObjectBuilder message = JsonParts.object().add("token", push.token());
        if ("ios".equals(push.platform())) {
            message.add("notification", JsonParts.object().add("title", push.title()).add("body", push.body()))
                    .add("data", fields)
                    .add("apns", JsonParts.object().add("payload", JsonParts.object()
                            .add("aps", JsonParts.object().add("badge", 1).add("sound", "default"))));
        } else {
            message.add("data", fields.add("android_channel_id", "colibri"))
                    .add("android", JsonParts.object().add("priority", "high"));
        }
        return JsonParts.object().add("message", message).build().toString();
    }

    private synchronized ServiceAccount account() throws IOException {
        if (account == null) {
            String file = config.fcmServiceAccount().orElseThrow(() -> new IOException("push is not configured"));
            account = ServiceAccount.read(Path.of(file));
        }
        return account;
    }

    private synchronized void forgetAccessToken() {
        accessToken = null;
    }

    private synchronized String accessToken(ServiceAccount sender) throws IOException {
        long now = clock.unixSeconds();
        if (accessToken != null && now < accessTokenExpires - 60) {
            return accessToken;
        }
        String endpoint = config.fcmTokenUrl().orElse(sender.tokenUri());
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + sender.assertion(endpoint, now);
        Answer answer = call(HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(config.pushTimeoutSeconds()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonObject json = null;
        try (JsonReader reader = JsonParts.reader(new StringReader(answer.body()))) {
            json = reader.readObject();
        } catch (RuntimeException notJson) {
            // answered below
        }
        if (answer.status() != 200 || json == null || json.get("access_token") == null
                || json.get("access_token").getValueType() != JsonValue.ValueType.STRING) {
            throw new IOException("the token endpoint answered HTTP " + answer.status());
        }
        accessToken = json.getString("access_token");
        accessTokenExpires = now + (json.containsKey("expires_in") && json.get("expires_in") instanceof jakarta.json.JsonNumber n
                ? n.longValue() : 3600);
        return accessToken;
    }

    private record Answer(int status, String body) {
    }

    /**
     * The answer, body included, within the push timeout: the body is read inside the timed
     * future (a server that sends headers and then stalls cannot hold a lane), at most
     * {@value #MAX_ANSWER_BYTES} bytes of it kept.
     */
    private Answer call(HttpRequest request) throws IOException {
        var pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(config.pushTimeoutSeconds(), TimeUnit.SECONDS);
            byte[] body = response.body();
            return new Answer(response.statusCode(),
                    new String(body, 0, Math.min(body.length, MAX_ANSWER_BYTES), StandardCharsets.UTF_8));
        } catch (TimeoutException | ExecutionException | IllegalArgumentException failed) {
            pending.cancel(true);
            throw new IOException(request.uri().getHost() + ": " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }
}
