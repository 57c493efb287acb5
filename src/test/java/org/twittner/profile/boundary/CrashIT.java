package org.twittner.profile.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestImages;

/**
 * kill -9 while avatars and covers are being uploaded, then a restart on the same database and
 * media folder: every answered upload survived (no user shows an older picture than the last one
 * they were told about), no row names a missing file, no image file is left that no row names,
 * and no temporary file is left. The server runs as its own process here (not Arquillian), on
 * an H2 file database by default or on the tests' MySQL/MariaDB database.
 */
class CrashIT {

    private static final String PUBLIC_URL = "https://media.twittner.test/";

    private final Path work = Path.of("target/crash-it");
    private final Path media = work.resolve("media");
    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void answeredUploadsSurviveKillMinus9AndNothingIsLeftBehind() throws Exception {
        deleteTree(work);
        Files.createDirectories(media);
        int port = freePort();
        server = start(port);
        ApiClient api = new ApiClient(new URL("http://127.0.0.1:" + port + "/"));
        List<TestAccounts.Account> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(TestAccounts.create(api));
        }
        // each user uploads in turn avatars and covers, one at a time; the answers are recorded
        Map<Long, List<String>> answeredAvatars = new ConcurrentHashMap<>();
        Map<Long, List<String>> answeredCovers = new ConcurrentHashMap<>();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutorService uploaders = Executors.newFixedThreadPool(users.size());
        byte[] photo = TestImages.encode(TestImages.quadrants(240, 180), "jpg");
        for (TestAccounts.Account user : users) {
            answeredAvatars.put(user.id(), Collections.synchronizedList(new ArrayList<>()));
            answeredCovers.put(user.id(), Collections.synchronizedList(new ArrayList<>()));
            uploaders.submit(() -> {
                for (int n = 0; !crashed.get(); n++) {
                    String field = n % 2 == 0 ? "avatar" : "cover";
                    try {
                        Reply reply = api.postMultipart(field, Map.of("session_id", user.token()),
                                new FilePart(field, "p.jpg", "image/jpeg", photo));
                        String url = reply.data().getString(field + "_url");
                        (field.equals("avatar") ? answeredAvatars : answeredCovers).get(user.id()).add(url);
                    } catch (RuntimeException | Error cutOffByTheCrash) {
                        return null;
                    }
                }
                return null;
            });
        }
        Thread.sleep(8_000);
        crashed.set(true);
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no commit flushed late
        server.waitFor(30, TimeUnit.SECONDS);
        uploaders.shutdown();
        assertTrue(uploaders.awaitTermination(60, TimeUnit.SECONDS));
        int answered = answeredAvatars.values().stream().mapToInt(List::size).sum()
                + answeredCovers.values().stream().mapToInt(List::size).sum();
        assertTrue(answered >= 10, "uploads were answered before the crash: " + answered);
        System.out.println("CrashIT: " + answered + " uploads answered before kill -9");

        server = start(port);
        Set<Path> named = new HashSet<>();
        for (TestAccounts.Account user : users) {
            JsonObject profile = api.get("profile", "user_id", Long.toString(user.id())).data();
            for (String[] picture : new String[][] {{"avatar", "avatar"}, {"cover", "cover"}}) {
                List<String> told = (picture[0].equals("avatar") ? answeredAvatars : answeredCovers).get(user.id());
                String current = profile.getString(picture[1]);
                if (!told.isEmpty()) {
                    // the last answer, or an upload in flight at the crash that committed: never an older answer
                    assertFalse(told.subList(0, told.size() - 1).contains(current),
                            picture[0] + " of user " + user.id() + " went back to an older upload: " + current);
                    assertFalse(current.contains("/upload/default/"), picture[0] + " of user " + user.id() + " was lost");
                }
            }
            for (String key : List.of("avatar", "cover", "cover_orig")) {
                String url = profile.getString(key);
                if (!url.contains("/upload/default/")) {
                    Path file = media.resolve(url.substring((PUBLIC_URL + "upload/").length()));
                    assertTrue(Files.isRegularFile(file), key + " of user " + user.id() + " names a missing file: " + url);
                    named.add(file.toAbsolutePath().normalize());
                }
            }
        }
        List<Path> orphans = files(media).stream()
                .filter(f -> !f.startsWith(media.resolve(".tmp").toAbsolutePath().normalize()))
                .filter(f -> !named.contains(f)).toList();
        System.out.println("CrashIT: after the restart " + named.size() + " files named by rows, "
                + orphans.size() + " unnamed image files");
        assertEquals(List.of(), orphans, "image files that no row names");
        List<Path> temporary = files(media.resolve(".tmp")).stream()
                .filter(f -> !f.getFileName().toString().equals(".lock")).toList();
        assertEquals(List.of(), temporary, "temporary files left by the crashed server");
    }

    /** The server as production runs it, on this test's media folder and database. */
    private Process start(int port) throws Exception {
        String dbUrl = System.getenv().getOrDefault("TWITTNER_DB_URL", "");
        if (dbUrl.isEmpty() || dbUrl.startsWith("jdbc:h2:mem:")) {
            dbUrl = "jdbc:h2:file:" + work.resolve("db/twittner").toAbsolutePath() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dproduct.name=", "-jar", System.getProperty("payara.microJar"),
                "--deploy", Path.of("target/twittner.war").toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", Path.of("src/main/payara/preboot.asadmin").toAbsolutePath().toString(),
                "--logproperties", Path.of("src/main/payara/logging.properties").toAbsolutePath().toString());
        // the defaults a new deployment has, not the test servers' stand-in settings (a setting
        // without a usable default then fails here, as it would for a newcomer)
        builder.environment().keySet().removeIf(name -> name.startsWith("TWITTNER_"));
        builder.environment().put("TWITTNER_RATE_LIMITS", "off"); // its uploaders sign up from one address
        for (String database : List.of("TWITTNER_DB_USER", "TWITTNER_DB_PASSWORD")) {
            String value = System.getenv(database);
            if (value != null) {
                builder.environment().put(database, value);
            }
        }
        builder.environment().put("TWITTNER_DB_URL", dbUrl);
        builder.environment().put("TWITTNER_MEDIA_DIR", media.toAbsolutePath().toString());
        builder.environment().put("TWITTNER_PUBLIC_URL", PUBLIC_URL);
        builder.environment().put("TWITTNER_OPS_PORT", Integer.toString(freePort()));
        builder.environment().put("TWITTNER_BCRYPT_COST", "4");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        Process process = builder.start();
        ApiClient api = new ApiClient(new URL("http://127.0.0.1:" + port + "/"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                var answer = api.raw(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/mobile_api/profile?user_id=1")).GET());
                if (answer.statusCode() == 200 && new String(answer.body()).contains("\"code\"")) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            assertTrue(process.isAlive(), "the server stopped; see " + work.resolve("server.log"));
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not come up; see " + work.resolve("server.log"));
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> f.toAbsolutePath().normalize()).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
