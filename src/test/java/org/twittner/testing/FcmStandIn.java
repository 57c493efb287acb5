package org.twittner.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Google's OAuth token endpoint and the FCM HTTP v1 send endpoint, on
 * 127.0.0.1:19092 (the test servers' TWITTNER_FCM_URL), and the service account key file the
 * servers read (TWITTNER_FCM_SERVICE_ACCOUNT; written once, its token_uri pointing here). The
 * token endpoint checks the JWT assertion's RS256 signature against the key file's key and its
 * claims; the send endpoint checks the access token it issued, records every message by its
 * device token, and answers by the token's prefix: {@code dead} 404 UNREGISTERED, {@code proxy404}
 * a bare 404 page, {@code flaky}
 * 503 the first time, {@code held} not before {@link #release()}, anything else 200.
 */
public final class FcmStandIn {

    public static final int PORT = 19092;
    public static final String PROJECT = "twittner-test";
    private static FcmStandIn running;

    private final HttpServer server;
    private final PublicKey publicKey;
    private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusedAssertions = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch held = new CountDownLatch(1);

    /** The stand-in of this test JVM, started on first use (it serves every test class after). */
    public static synchronized FcmStandIn get() throws Exception {
        if (running == null) {
            running = new FcmStandIn();
        }
        return running;
    }

    private FcmStandIn() throws Exception {
        publicKey = publicKeyOf(keyFile());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
        server.createContext("/token", this::token);
        server.createContext("/fcm/v1/projects/", this::send);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A device token (FCM's are about 160 characters) whose prefix says how this stand-in answers. */
    public static String deviceToken(String prefix) {
        return prefix + ":" + java.util.UUID.randomUUID().toString().replace("-", "")
                + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** What the stand-in received for a device token, in order. */
    public List<JsonObject> messagesTo(String deviceToken) {
        return List.copyOf(received.getOrDefault(deviceToken, List.of()));
    }

    /** How often a push to this token was tried (failed attempts included). */
    public int attemptsFor(String deviceToken) {
        AtomicInteger n = attempts.get(deviceToken);
        return n == null ? 0 : n.get();
    }

    /** Waits until {@code count} messages reached the token (or the time is up); returns them. */
    public List<JsonObject> await(String deviceToken, int count, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (messagesTo(deviceToken).size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        return messagesTo(deviceToken);
    }

    public List<String> refusedAssertions() {
        return List.copyOf(refusedAssertions);
    }

    public int accessTokensIssued() {
        return issuedTokens.size();
    }

    /** Lets the pushes to {@code held} tokens be answered. */
    public void release() {
        held.countDown();
        held = new CountDownLatch(1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String assertion = form.getOrDefault("assertion", "");
        String problem = checkAssertion(assertion, form.get("grant_type"));
        if (problem != null) {
            refusedAssertions.add(problem);
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}");
            return;
        }
        String accessToken = "ya29.test-" + issuedTokens.size();
        issuedTokens.add(accessToken);
        answer(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    private String checkAssertion(String assertion, String grantType) {
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grantType)) {
            return "grant_type " + grantType;
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "not a JWT";
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "bad signature";
            }
            JsonObject claims = json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            long now = System.currentTimeMillis() / 1000;
            if (!claims.getString("iss", "").equals("push@" + PROJECT + ".iam.gserviceaccount.com")
                    || !claims.getString("scope", "").equals("https://www.googleapis.com/auth/firebase.messaging")
                    || !claims.getString("aud", "").equals("http://127.0.0.1:" + PORT + "/token")
                    || Math.abs(claims.getJsonNumber("iat").longValue() - now) > 300
                    || claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue() > 3600) {
                return "claims " + claims;
            }
            return null;
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issuedTokens.contains(auth.substring(7))
                || !exchange.getRequestURI().getPath().equals("/fcm/v1/projects/" + PROJECT + "/messages:send")) {
            answer(exchange, 401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}");
            return;
        }
        JsonObject message = json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                .getJsonObject("message");
        String device = message.getString("token");
        int attempt = attempts.computeIfAbsent(device, t -> new AtomicInteger()).incrementAndGet();
        if (device.startsWith("dead")) {
            answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\","
                    + "\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
            return;
        }
        if (device.startsWith("proxy404")) {
            answer(exchange, 404, "<html>Not Found</html>"); // a 404 that is not FCM's verdict on the token
            return;
        }
        if (device.startsWith("flaky") && attempt == 1) {
            answer(exchange, 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");
            return;
        }
        if (device.startsWith("held")) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.computeIfAbsent(device, t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(message);
        answer(exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/" + System.nanoTime() + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The key file the test servers are configured with; written with a new RSA key if missing. */
    static Path keyFile() throws Exception {
        Path file = Path.of(System.getProperty("twittner.it.fcm.key", "target/it-fcm/service-account.json"));
        if (!Files.exists(file)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.createObjectBuilder().add("type", "service_account").add("project_id", PROJECT)
                    .add("private_key_id", "test").add("private_key", pem)
                    .add("client_email", "push@" + PROJECT + ".iam.gserviceaccount.com")
                    .add("token_uri", "http://127.0.0.1:" + PORT + "/token").build().toString());
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    private static PublicKey publicKeyOf(Path keyFile) throws Exception {
        String pem = json(Files.readString(keyFile)).getString("private_key");
        byte[] der = Base64.getDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", ""));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        BigInteger modulus = key.getModulus();
        return rsa.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    }
}
