package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twittner.session.control.Accounts;
import org.twittner.session.control.CallerSessions;
import org.twittner.session.control.IssuedTokens;
import org.twittner.session.control.Sessions;
import org.twittner.session.control.SignupForm;
import org.twittner.testing.ApiClient;
import org.twittner.testing.MovableClock;
import org.twittner.testing.RawHttp;
import org.twittner.testing.TestAccounts;

/**
 * What every endpoint shares, tried as an outside tester would: a seeded fuzz over every
 * endpoint, slow and broken bodies, odd methods and content types, operations endpoints, the
 * client address behind (untrusted) proxies, and time moved forward.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformApiIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/twittner.war"))
                .addPackage(ApiClient.class.getPackage())
                .addClass(PlatformApiIT.class);
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;

    @BeforeEach
    void client() {
        if (deployment != null) {
            api = new ApiClient(deployment);
        }
    }

    // ---- fuzz ----------------------------------------------------------------------------------

    private static final String[] NAMES = {"session_id", "user_id", "username", "email", "password", "first_name",
        "last_name", "refresh_token", "device_type", "cover_position", "offset", "page_size", "post_id", "thread_id",
        "avatar", "cover", "query", "type", "user_id[]", "x", "message", "message_id", "offset_up", "offset_down",
        "delete_chat", "scope", "scope[]"};

    private static final String[] NASTY = {"", " ", "0", "-1", "1e309", "NaN", "9".repeat(20_000) + "x",
        "99999999999999999999999", "1.5", "0x1A", "' OR '1'='1", "1; DROP TABLE users;--", "\" onmouseover=alert(1)",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "\uD83D\uDE00".repeat(40), "\u202Eevil",
        "a\u0301\u0301\u0301", "\uD800", "{\"a\":1}", "[1,2]", "null", "true", "x".repeat(70_000),
        "${jndi:ldap://x}", "%s%s%s%n", "\r\nSet-Cookie: a=b", "Ω≈ç√∫", "𠜎𠜱𠝹", "user@example.com"};

    private static final String[] METHODS = {"POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS"};

    /** Every API endpoint of the application: JAX-RS paths and the /mobile_api servlets. */
    static List<String> endpoints() throws IOException {
        Path classes = Path.of("target/classes");
        TreeSet<String> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, PlatformApiIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                WebServlet servlet = type.getAnnotation(WebServlet.class);
                if (servlet != null) {
                    for (String pattern : Stream.concat(Stream.of(servlet.value()), Stream.of(servlet.urlPatterns())).toList()) {
                        if (pattern.startsWith("/mobile_api/")) {
                            endpoints.add(pattern.substring("/mobile_api/".length()));
                        }
                    }
                }
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    for (var method : type.getDeclaredMethods()) {
                        jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
                        if (path != null) {
                            endpoints.add(path.value());
                        }
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    @Test
    @RunAsClient
    void everyEndpointAnswersEveryHostileRequestWithTheEnvelope() throws Exception {
        List<String> endpoints = endpoints();
        assertTrue(endpoints.containsAll(List.of("signup", "login", "refresh_access_token", "logout", "profile",
                "avatar", "cover", "cover_reposition")), "the scan finds the endpoints: " + endpoints);
        String token = TestAccounts.create(api).token();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String endpoint : endpoints) {
            Random random = new Random(endpoint.hashCode()); // seeded: a failure replays
            for (int i = 0; i < 150; i++) {
                String[] request = hostileRequest(random, endpoint, token);
                boolean cutShort = request.length > 2;
                RawHttp.Response response;
                try {
                    response = RawHttp.exchange(api.root(), null, request[0],
                            request[1].getBytes(StandardCharsets.UTF_8), 20_000);
                } catch (IOException e) {
                    failures.add(endpoint + " #" + i + ": " + e);
                    continue;
                }
                requests++;
                // a client that stopped sending (half-closed) before its declared end has gone:
                // closing without an answer is right; one still listening is answered (test below)
                String problem = cutShort && response.status() == -1 ? null : problemWith(response);
                if (problem != null) {
                    failures.add(endpoint + " #" + i + " " + request[0].lines().findFirst().orElse("") + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " of " + requests + " requests");
    }

    /** The head and body of one hostile request. */
    private static String[] hostileRequest(Random random, String endpoint, String token) {
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(6);
        if (random.nextInt(3) == 0) {
            form.append("session_id=").append(token);
        }
        for (int f = 0; f < fields; f++) {
            form.append(form.length() > 0 ? "&" : "").append(NAMES[random.nextInt(NAMES.length)]).append('=')
                    .append(java.net.URLEncoder.encode(NASTY[random.nextInt(NASTY.length)], StandardCharsets.UTF_8));
        }
        String method = METHODS[random.nextInt(METHODS.length)];
        String path = "/mobile_api/" + endpoint;
        String body;
        String contentType;
        switch (random.nextInt(7)) {
            case 0 -> { // query string only; within what any HTTP server takes in a request line (8 KB)
                path += "?" + (form.length() > 6000 ? form.substring(0, 6000) : form);
                body = "";
                contentType = null;
            }
            case 1 -> {
                body = form.toString();
                contentType = "application/x-www-form-urlencoded";
            }
            case 2 -> {
                String boundary = "b" + random.nextInt(1_000_000);
                StringBuilder multipart = new StringBuilder();
                for (String pair : form.toString().split("&")) {
                    String[] nv = pair.split("=", 2);
                    multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                            .append(nv[0]).append(random.nextInt(4) == 0 ? "\"; filename=\"x.jpg" : "")
                            .append("\"\r\n\r\n").append(nv.length > 1 ? java.net.URLDecoder.decode(nv[1], StandardCharsets.UTF_8) : "")
                            .append("\r\n");
                }
                body = multipart.append(random.nextBoolean() ? "--" + boundary + "--\r\n" : "").toString(); // sometimes unterminated
                contentType = "multipart/form-data; boundary=" + boundary;
            }
            case 3 -> {
                body = "{\"email\": \"a@b.c\", \"user_id\": [1], \"x\": " + "[".repeat(random.nextInt(5000)) + "}";
                contentType = "application/json";
            }
            case 4 -> {
                body = form.toString();
                contentType = new String[] {";;;", "multipart/form-data", "multipart/form-data; boundary=",
                    "text/plain; charset=nonsense", "application/x-www-form-urlencoded; charset=EBCDIC", "a/b; c"}[random.nextInt(6)];
            }
            case 5 -> { // declared longer than sent: cut short
                body = form.toString();
                contentType = "application/x-www-form-urlencoded";
                return new String[] {head(method, path, contentType, body.getBytes(StandardCharsets.UTF_8).length + 500), body,
                    "cut short"};
            }
            default -> {
                body = "%%%&&&===" + form + "&%zz=%";
                contentType = "application/x-www-form-urlencoded";
            }
        }
        return new String[] {head(method, path, contentType, body.getBytes(StandardCharsets.UTF_8).length), body};
    }

    private static String head(String method, String path, String contentType, long length) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + (length > 0 ? "Content-Length: " + length + "\r\n" : "") + "\r\n";
    }

    /** Null when the answer is a proper envelope; what is wrong otherwise. */
    static String problemWith(RawHttp.Response response) {
        if (response.status() != 200) {
            return "HTTP " + response.status() + " " + response.body().substring(0, Math.min(200, response.body().length()));
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            json = reader.readObject();
        } catch (RuntimeException notJson) {
            return "not JSON: " + response.body().substring(0, Math.min(200, response.body().length()));
        }
        boolean unknownEndpoint = "invalid_endpoint".equals(json.getString("err_code", ""));
        if (!unknownEndpoint && (!(json.get("code") instanceof JsonNumber) || !(json.get("message") instanceof JsonString))) {
            return "not an envelope: " + response.body();
        }
        if (!unknownEndpoint && json.getInt("code") == 500) {
            return "code 500: " + response.body();
        }
        String lower = response.body().toLowerCase();
        for (String internal : new String[] {"exception", "at org.", "java.", "sql", "payara", "jdbc", "eclipselink"}) {
            if (lower.contains(internal)) {
                return "internals (" + internal + "): " + response.body();
            }
        }
        if (response.headers().toLowerCase().contains("payara")) {
            return "product name in headers: " + response.headers();
        }
        return null;
    }

    // ---- odd requests --------------------------------------------------------------------------

    @Test
    @RunAsClient
    void oddButPossibleRequestsGetTheEnvelope() throws Exception {
        String form = "email=nobody%40example.com&password=secret1";
        for (String method : new String[] {"GET", "DELETE", "PUT"}) {
            RawHttp.Response response = RawHttp.exchange(api.root(), null,
                    head(method, "/mobile_api/login", "application/x-www-form-urlencoded", form.length()),
                    form.getBytes(StandardCharsets.US_ASCII), 10_000);
            assertEquals(null, problemWith(response), method + " with a form body");
            assertTrue(response.body().contains("Incorrect Credentials"), method + ": " + response.body());
        }
        RawHttp.Response malformed = RawHttp.exchange(api.root(), null, head("POST", "/mobile_api/login", ";;;", form.length()),
                form.getBytes(StandardCharsets.US_ASCII), 10_000);
        assertEquals(null, problemWith(malformed), "Content-Type ;;;");
    }

    /**
     * A body that stops arriving while its client waits is answered with the same envelope on
     * every endpoint, on both servers, once it has sent nothing for 10 s (BodyReceiver's idle
     * limit), not before. It was 500 after 60 s for uploads and 400 after 30 s elsewhere, and
     * then a closed connection on WildFly until its read timeout was set above that limit.
     */
    @Test
    @RunAsClient
    void aBodyThatStopsArrivingIsTheSameEnvelopeOnEveryEndpoint() throws Exception {
        List<String> endpoints = List.of("login", "profile", "avatar", "cover", "cover_reposition");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(endpoints.size());
        try {
            List<java.util.concurrent.Future<RawHttp.Response>> answers = new ArrayList<>();
            long started = System.nanoTime();
            for (String endpoint : endpoints) {
                answers.add(pool.submit(() -> RawHttp.exchange(api.root(), "127.0.0.4",
                        head("POST", "/mobile_api/" + endpoint, "multipart/form-data; boundary=zz", 4000),
                        "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb".getBytes(StandardCharsets.US_ASCII),
                        40_000, false)));
            }
            for (int i = 0; i < endpoints.size(); i++) {
                RawHttp.Response response = answers.get(i).get();
                assertEquals(null, problemWith(response), endpoints.get(i));
                assertTrue(response.body().contains("The request body did not arrive in time or was cut short"),
                        endpoints.get(i) + ": " + response.body());
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds >= 9 && seconds < 20, "answered after " + seconds + " s");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- slow clients --------------------------------------------------------------------------

    /**
     * 220 connections from one address that never finish their bodies (the attack that once
     * held every request thread for 28.5 s) leave a phone on another address answered at once.
     */
    @Test
    @RunAsClient
    void stalledBodiesFromOneAddressDoNotStallOthers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 220; i++) {
                stalled.add(stalledLogin("127.0.0.1"));
            }
            Thread.sleep(500);
            String form = "email=nobody%40example.com&password=x";
            assertPhoneAnsweredAtOnce("127.0.0.2", form);
            // the stalled address itself is told to wait, at once, beyond its share
            RawHttp.Response more = RawHttp.exchange(api.root(), "127.0.0.1",
                    head("POST", "/mobile_api/login", "application/x-www-form-urlencoded", form.length()),
                    form.getBytes(StandardCharsets.US_ASCII), 10_000);
            assertTrue(more.body().contains("Too many requests in progress from your address"), more.toString());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /**
     * 400 connections from 400 addresses (more than the server has request threads) that never
     * finish their bodies hold no thread while they wait: a phone is answered at once, and a
     * body that arrives in pieces, slowly, is handled like one that came at once. Once idle, all
     * are refused at once, and holding their connections open afterwards stalls nobody.
     */
    @Test
    @RunAsClient
    void stalledBodiesFromManyAddressesHoldNoThreads() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                stalled.add(stalledLogin("127.0.%d.%d".formatted(2 + i / 200, 1 + i % 200)));
            }
            Thread.sleep(500);
            // held, not refused: the first few have no answer yet
            for (Socket socket : stalled.subList(0, 3)) {
                socket.setSoTimeout(200);
                assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(), "answered at once");
            }
            String form = "email=nobody-many%40example.com&password=x";
            assertPhoneAnsweredAtOnce("127.0.0.6", form);

            // on a connection kept alive, as the apps' HTTP clients keep theirs
            String keptAlive = "POST /mobile_api/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n";
            try (Socket trickle = RawHttp.open(api.root(), "127.0.0.5", 10_000)) {
                OutputStream out = trickle.getOutputStream();
                out.write(keptAlive.getBytes(StandardCharsets.US_ASCII));
                for (int at = 0; at < form.length(); at += 10) {
                    out.write(form.substring(at, Math.min(form.length(), at + 10)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300);
                }
                RawHttp.Response pieces = RawHttp.read(trickle.getInputStream());
                assertEquals(null, problemWith(pieces), "a body in pieces");
                assertTrue(pieces.body().contains("Incorrect Credentials"), pieces.toString());
                // the next request on the same connection, body and head at once
                out.write((keptAlive + form).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Response next = RawHttp.read(trickle.getInputStream());
                assertEquals(null, problemWith(next), "the next request on the connection");
                assertTrue(next.body().contains("Incorrect Credentials"), next.toString());
            }
            // and once idle for 10 s, every stalled body is refused with the envelope at once,
            // though none of them closes: on WildFly, completing the refused requests made
            // Undertow drain their bodies on its worker threads, and the answers beyond its 128
            // workers, like everyone else's, waited 20 s for its read timeout
            Socket first = stalled.get(0);
            first.setSoTimeout(15_000);
            RawHttp.Response refused = RawHttp.read(first.getInputStream());
            assertEquals(null, problemWith(refused), "a stalled body's answer");
            assertTrue(refused.body().contains("The request body did not arrive in time or was cut short"), refused.toString());
            long firstAnswered = System.nanoTime();
            for (Socket socket : stalled.subList(1, stalled.size())) {
                long left = TimeUnit.SECONDS.toMillis(5) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstAnswered);
                socket.setSoTimeout((int) Math.max(1, left));
                RawHttp.Response answer = RawHttp.read(socket.getInputStream());
                assertTrue(answer.body().contains("The request body did not arrive in time or was cut short"),
                        "answered within 5 s of the first: " + answer);
            }
            assertPhoneAnsweredAtOnce("127.0.0.6", form);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** A login whose head and first bytes are sent, and then nothing of its declared 100,000. */
    private Socket stalledLogin(String sourceAddress) throws IOException {
        Socket socket = RawHttp.open(api.root(), sourceAddress, 10_000);
        socket.getOutputStream().write((head("POST", "/mobile_api/login", "application/x-www-form-urlencoded", 100_000)
                + "email=").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** A wrong-password login from another address is answered within 3 s. */
    private void assertPhoneAnsweredAtOnce(String sourceAddress, String form) throws IOException {
        long started = System.nanoTime();
        RawHttp.Response phone = RawHttp.exchange(api.root(), sourceAddress,
                head("POST", "/mobile_api/login", "application/x-www-form-urlencoded", form.length()),
                form.getBytes(StandardCharsets.US_ASCII), 10_000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(phone.body().contains("Incorrect Credentials"), phone.toString());
        assertTrue(millis < 3000, "the phone waited " + millis + " ms");
    }

    // ---- operations endpoints and the client address -------------------------------------------

    @Test
    @RunAsClient
    void operationsEndpointsAreNotOnTheApiPort() throws Exception {
        for (String path : List.of("metrics", "openapi", "health", "health/ready")) {
            RawHttp.Response response = RawHttp.exchange(api.root(), null,
                    "GET /" + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0], 10_000);
            assertEquals(404, response.status(), path);
            assertFalse((response.headers() + response.body()).toLowerCase().contains("payara"), path + ": " + response);
            assertFalse(response.body().contains("jvm_") || response.body().contains("openapi:"), path);
        }
        // Payara: the ops listener of src/main/payara/preboot.asadmin; WildFly: its management port
        URI ops = URI.create(System.getProperty("twittner.it.ops.url", "http://127.0.0.1:19080/"));
        RawHttp.Response health = RawHttp.exchange(ops, null,
                "GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0], 10_000);
        assertEquals(200, health.status(), "operators find them on the ops listener: " + health);
    }

    /** Without configured trusted proxies, X-Forwarded-For is anyone's to write and is ignored. */
    @Test
    @RunAsClient
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        TestAccounts.Account account = TestAccounts.create(api);
        String form = "email=" + account.email().replace("@", "%40") + "&password=" + TestAccounts.PASSWORD;
        RawHttp.Response login = RawHttp.exchange(api.root(), "127.0.0.3",
                "POST /mobile_api/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Forwarded-For: 203.0.113.7\r\n"
                        + "Forwarded: for=198.51.100.9\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + form.length() + "\r\n\r\n", form.getBytes(StandardCharsets.US_ASCII), 10_000);
        try (JsonReader reader = Json.createReader(new StringReader(login.body()))) {
            assertEquals("127.0.0.3", reader.readObject().getJsonObject("data").getJsonObject("user").getString("ip_address"));
        }
    }

    // ---- time ----------------------------------------------------------------------------------

    @Inject
    MovableClock clock;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    CallerSessions callers;

    @Test
    void accessTokensExpireWhenTheirTimeHasCome() {
        String username = TestAccounts.newUsername();
        IssuedTokens tokens = accounts.signup(new SignupForm("Test", "User", username, username + "@example.com",
                TestAccounts.PASSWORD), null, "10.0.0.9");
        try {
            assertTrue(callers.resolve(tokens.authToken(), "10.0.0.9").isPresent());
            clock.advance(Duration.ofDays(364));
            assertTrue(callers.resolve(tokens.authToken(), "10.0.0.9").isPresent(), "valid for 365 days");
            clock.advance(Duration.ofDays(2));
            assertFalse(callers.resolve(tokens.authToken(), "10.0.0.9").isPresent(), "expired after 365 days");
            IssuedTokens renewed = sessions.refresh(tokens.refreshToken());
            assertNotEquals(tokens.authToken(), renewed.authToken());
            assertTrue(callers.resolve(renewed.authToken(), "10.0.0.9").isPresent(), "the refresh token still works");
        } finally {
            clock.reset();
        }
    }

    @Resource(lookup = SchemaMigrator.DATASOURCE)
    DataSource data;

    @Test
    void lastActivityIsWrittenAtMostEveryHalfHourAndNeverBackInTime() throws Exception {
        String username = TestAccounts.newUsername();
        long beforeSignup = clock.unixSeconds();
        IssuedTokens tokens = accounts.signup(new SignupForm("Test", "User", username, username + "@example.com",
                TestAccounts.PASSWORD), null, "10.0.0.9");
        try {
            long userId = callers.resolve(tokens.authToken(), "10.0.0.9").orElseThrow().userId();
            // the clock is real time moved on: each write is checked between the readings around it
            long signedUp = Long.parseLong(activity(userId).get(0));
            assertBetween(beforeSignup, signedUp, clock.unixSeconds(), "signing up is activity");
            assertEquals("10.0.0.9", activity(userId).get(1));
            clock.advance(Duration.ofMinutes(29));
            callers.resolve(tokens.authToken(), "10.0.0.7");
            assertEquals(List.of(Long.toString(signedUp), "10.0.0.9"), activity(userId), "not again within half an hour");
            clock.advance(Duration.ofMinutes(2));
            long beforeResolve = clock.unixSeconds();
            callers.resolve(tokens.authToken(), "10.0.0.7");
            long written = Long.parseLong(activity(userId).get(0));
            assertBetween(beforeResolve, written, clock.unixSeconds(), "written again after half an hour");
            assertEquals("10.0.0.7", activity(userId).get(1));
            sessions.markActive(userId, signedUp, "10.0.0.1"); // a request that began earlier writes late
            assertEquals(List.of(Long.toString(written), "10.0.0.7"), activity(userId), "never back in time");
        } finally {
            clock.reset();
        }
    }

    private static void assertBetween(long from, long value, long to, String what) {
        assertTrue(from <= value && value <= to, what + ": " + value + " not within " + from + ".." + to);
    }

    private List<String> activity(long userId) throws Exception {
        try (var connection = data.getConnection();
                var select = connection.prepareStatement("SELECT last_active_at, ip_address FROM users WHERE id = ?")) {
            select.setLong(1, userId);
            try (var row = select.executeQuery()) {
                assertTrue(row.next());
                return List.of(Long.toString(row.getLong(1)), row.getString(2));
            }
        }
    }
}
