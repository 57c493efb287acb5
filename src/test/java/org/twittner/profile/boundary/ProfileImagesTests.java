package org.twittner.profile.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.TestImages;

/**
 * avatar, cover, cover_reposition and the /upload files over HTTP, as the Flutter app uploads them.
 * Implemented by ProfileApiIT, which gives the client of its deployment: one deployment for the
 * profile tests (a server start costs half a minute).
 */
interface ProfileImagesTests {

    String PUBLIC_URL = "https://media.twittner.test/";
    /** A 30x10 WebP made with libvips. */
    byte[] WEBP = Base64.getDecoder().decode(
            "UklGRhYBAABXRUJQVlA4WAoAAAAIAAAAHQAACQAAVlA4IDYAAADwAgCdASoeAAoAPpE6l0evoyIhMAgB8BIJZwC7AC5JAAD+9HX+bFTA"
                    + "OpmUf3lMEK5xMWRvAABFWElGugAAAEV4aWYAAElJKgAIAAAABgASAQMAAQAAAAEAAAAaAQUAAQAAAFYAAAAbAQUAAQAAAF4AAAAo"
                    + "AQMAAQAAAAIAAAATAgMAAQAAAAEAAABphwQAAQAAAGYAAAAAAAAAOGMAAOgDAAA4YwAA6AMAAAYAAJAHAAQAAAAwMjEwAZEHAAQA"
                    + "AAABAgMAAKAHAAQAAAAwMTAwAaADAAEAAAD//wAAAqAEAAEAAAAeAAAAA6AEAAEAAAAKAAAAAAAAAA==");

    ApiClient api();

    /**
     * After each test of this interface only (on the client): not after the implementing class's
     * own tests, and never inside the server.
     */
    @AfterEach
    default void nothingLeftInTheTemporaryDirectory(TestInfo test) throws IOException {
        if (test.getTestMethod().map(Method::getDeclaringClass).orElse(null) != ProfileImagesTests.class) {
            return;
        }
        // each running instance has a folder there, holding only its lock file between requests
        try (Stream<Path> leftovers = Files.walk(mediaDir().resolve(".tmp"))) {
            assertEquals(List.of(), leftovers.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(".lock")).toList(),
                    "an upload left a temporary file behind");
        }
    }

    // ---- avatar ------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void avatarFromAPhoneIsTurnedCroppedAndStripped() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        byte[] phonePhoto = TestImages.jpegWithExif(TestImages.quadrants(800, 800), 6, true);
        Reply reply = upload(api, account, "avatar", new FilePart("avatar", "IMG_0001.JPG", "image/jpeg", phonePhoto));
        assertEnvelope(reply, 200, "Avatar changed successfully");
        assertShape(reply.data(), shape("avatar_url", STRING));
        String url = reply.data().getString("avatar_url");
        assertTrue(url.startsWith(PUBLIC_URL + "upload/avatars/") && url.endsWith("_thumbnail_512x512.jpg"), url);

        HttpResponse<byte[]> file = fetch(api, url);
        assertEquals(200, file.statusCode());
        assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertFalse(TestImages.hasExif(file.body()), "EXIF (and its GPS position) must not be served");
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertEquals(512, avatar.getWidth());
        assertEquals(512, avatar.getHeight());
        // stored red top-left, orientation 6: seen turned a quarter clockwise
        assertColour(TestImages.BOTTOM_LEFT, avatar, 100, 100);
        assertColour(TestImages.TOP_LEFT, avatar, 412, 100);
        assertColour(TestImages.TOP_RIGHT, avatar, 412, 412);

        assertEquals(url, profile(api, account).getString("avatar"));
        assertEquals(url, api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD)
                .data().getJsonObject("user").getString("profile_picture"));
    }

    @Test
    @RunAsClient
    default void replacingTheAvatarDeletesTheOldFile() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String first = upload(api, account, "avatar", png("avatar", "a.png")).data().getString("avatar_url");
        String second = upload(api, account, "avatar", new FilePart("avatar", "b.webp", "image/webp", WEBP)).data()
                .getString("avatar_url");
        assertEquals(404, fetch(api, first).statusCode());
        assertEquals(200, fetch(api, second).statusCode());
        assertEquals(second, profile(api, account).getString("avatar"));
    }

    @Test
    @RunAsClient
    default void gifAndWebpAreAccepted() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        byte[] gif = TestImages.encode(TestImages.quadrants(64, 64), "gif");
        assertEquals(200, upload(api, account, "avatar", new FilePart("avatar", "a.gif", "image/gif", gif)).code());
        assertEquals(200, upload(api, account, "avatar", new FilePart("avatar", "a.webp", "image/webp", WEBP)).code());
    }

    @Test
    @RunAsClient
    default void sessionIdMayComeAsAHeader() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        Reply reply = api.send(multipartWithHeader(api, account.token(), png("avatar", "a.png")));
        assertEnvelope(reply, 200, "Avatar changed successfully");
        assertEquals(reply.data().getString("avatar_url"), profile(api, account).getString("avatar"));
    }

    @Test
    @RunAsClient
    default void aFailureOnTheServerIsTheEnvelopeWithARequestId() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        // make the avatars folder unwritable: a file where the folder should be
        Path avatars = mediaDir().resolve("avatars");
        Path aside = mediaDir().resolve("avatars.aside");
        boolean existed = Files.exists(avatars);
        if (existed) {
            Files.move(avatars, aside);
        }
        Files.writeString(avatars, "in the way");
        try {
            Reply reply = upload(api, account, "avatar", png("avatar", "a.png"));
            assertError(reply, 500, "An error occurred while processing your request. Please try again later.");
            assertTrue(reply.response().headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{12}"));
            assertEquals(PUBLIC_URL + "upload/default/avatar.png", profile(api, account).getString("avatar"));
        } finally {
            Files.delete(avatars);
            if (existed) {
                Files.move(aside, avatars);
            }
        }
    }

    @Test
    @RunAsClient
    default void avatarNeedsASession() {
        ApiClient api = api();
        FilePart photo = png("avatar", "a.png");
        assertError(api.postMultipart("avatar", Map.of(), photo), 401, "Unauthorized Access");
        assertError(api.postMultipart("avatar", Map.of("session_id", "0".repeat(64)), photo), 401, "Unauthorized Access");
        assertError(api.postMultipart("avatar", Map.of()), 401, "Unauthorized Access");
        assertError(api.postForm("avatar"), 401, "Unauthorized Access");
    }

    @Test
    @RunAsClient
    default void avatarRefusesWhatIsNotAnAcceptableImage() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String invalid = "Avatar image is missing or invalid";
        byte[] png = TestImages.encode(TestImages.quadrants(64, 64), "png");
        assertError(upload(api, account, "avatar"), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("file", "a.png", "image/png", png)), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "a.txt", "text/plain", png)), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "a.jpg", "image/jpeg", png)), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "a.jpg", "image/jpeg",
                "<?php system($_GET['c']);".getBytes())), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "bomb.png", "image/png",
                TestImages.pngBomb(100_000, 100_000))), 400, invalid);
        assertError(api.postForm("avatar", "session_id", account.token(), "avatar", "iVBORw0KGgo="), 400, invalid);
        // nothing changed
        assertEquals(PUBLIC_URL + "upload/default/avatar.png", profile(api, account).getString("avatar"));
    }

    @Test
    @RunAsClient
    default void uploadFormsAreSmall() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String invalid = "Avatar image is missing or invalid";
        Map<String, String> manyParts = new java.util.LinkedHashMap<>(Map.of("session_id", account.token()));
        IntStream.range(0, 40).forEach(i -> manyParts.put("field" + i, "x"));
        assertError(api.postMultipart("avatar", manyParts, png("avatar", "a.png")), 400, invalid);
        Map<String, String> bigField = new java.util.LinkedHashMap<>(Map.of("session_id", account.token()));
        bigField.put("note", "x".repeat(70_000));
        assertError(api.postMultipart("avatar", bigField, png("avatar", "a.png")), 400, invalid);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "a\u0000.png", "image/png",
                TestImages.encode(TestImages.quadrants(64, 64), "png"))), 400, invalid);
        assertEquals(PUBLIC_URL + "upload/default/avatar.png", profile(api, account).getString("avatar"));
    }

    @Test
    @RunAsClient
    default void avatarOverTheSizeLimitIsRefusedWhileItStreams() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        // the tests run with a 3 MB limit; this file crosses it while the body streams in
        byte[] noise = new byte[3 * 1024 * 1024 + 100 * 1024];
        new Random(7).nextBytes(noise);
        assertError(upload(api, account, "avatar", new FilePart("avatar", "big.jpg", "image/jpeg", noise)), 400,
                "The uploaded file is too large (at most 3 MB)");
        assertEquals(PUBLIC_URL + "upload/default/avatar.png", profile(api, account).getString("avatar"));
    }

    @Test
    @RunAsClient
    default void aBodyDeclaredFarOverTheLimitIsRefusedUnread() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        byte[] noise = new byte[8 * 1024 * 1024];
        FilePart big = new FilePart("avatar", "big.jpg", "image/jpeg", noise);
        // the Flutter app also sends session_id as a header: that is all that can be read here
        // too large is said as such (same code as a broken image), before a byte is read
        assertError(api.send(multipartWithHeader(api, account.token(), big)), 400,
                "The uploaded file is too large (at most 3 MB)");
        assertError(upload(api, account, "avatar", big), 400, "The uploaded file is too large (at most 3 MB)");
    }

    @Test
    @RunAsClient
    default void racingAvatarUploadsLeaveOneConsistentState() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        List<byte[]> photos = IntStream.range(0, 4)
                .mapToObj(i -> TestImages.encode(TestImages.quadrants(900 + i, 700), "jpg")).toList();
        List<Reply> replies = Concurrently.call(4,
                i -> upload(api, account, "avatar", new FilePart("avatar", "r" + i + ".jpg", "image/jpeg", photos.get(i))));
        Set<String> urls = replies.stream()
                .peek(reply -> assertEquals(200, reply.code(), reply.toString()))
                .map(reply -> reply.data().getString("avatar_url")).collect(Collectors.toSet());
        assertEquals(4, urls.size());
        String current = profile(api, account).getString("avatar");
        assertTrue(urls.contains(current));
        for (String url : urls) {
            assertEquals(url.equals(current) ? 200 : 404, fetch(api, url).statusCode(), url);
        }
    }

    // ---- cover -------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void coverKeepsA600WideOriginalAndShowsItsMiddle() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        // 1200x1800 in 12 bands of 150 rows, grey 0..220: the kept original is 600x900 (bands of 75)
        Reply reply = upload(api, account, "cover", bands("cover", "cover.png"));
        assertEnvelope(reply, 200, "Profile cover changed successfully");
        assertShape(reply.data(), shape("cover_url", STRING));
        String url = reply.data().getString("cover_url");
        assertTrue(url.startsWith(PUBLIC_URL + "upload/covers/") && url.endsWith("_image_cover_600x200.jpg"), url);

        BufferedImage cover = image(api, url);
        assertEquals(600, cover.getWidth());
        assertEquals(200, cover.getHeight());
        // the middle window starts at row 350 of the original
        assertGrey(100, cover, 50);  // original row 400, band 5
        assertGrey(120, cover, 150); // original row 500, band 6

        BufferedImage original = image(api, profile(api, account).getString("cover_orig"));
        assertEquals(600, original.getWidth());
        assertEquals(900, original.getHeight());
        assertEquals(url, profile(api, account).getString("cover"));
    }

    /**
     * Repositions while the same user uploads covers from other devices: every call gets the
     * documented success (once 88 to 91 % answered 500 "the cover kept changing"), and the
     * profile ends on a cover whose file exists.
     */
    @Test
    @RunAsClient
    default void repositionsDuringCoverUploadsAlwaysSucceed() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        FilePart cover = bands("cover", "cover.png");
        // the first cover must be in place: a reposition before any cover is rightly refused
        assertEnvelope(upload(api, account, "cover", cover), 200, "Profile cover changed successfully");
        List<Reply> replies = Concurrently.call(16, i -> i % 2 == 0
                ? upload(api, account, "cover", cover)
                : api.postMultipart("cover_reposition", "session_id", account.token(), "cover_position", Integer.toString(10 * i)));
        for (int i = 1; i < replies.size(); i += 2) {
            assertEnvelope(replies.get(i), 200, "Your changes have been successfully saved");
        }
        String shown = profile(api, account).getString("cover");
        assertEquals(600, image(api, shown).getWidth(), "the cover shown exists: " + shown);
    }

    @Test
    @RunAsClient
    default void repositionCutsTheWindowFromTheKeptOriginal() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String first = upload(api, account, "cover", bands("cover", "cover.png")).data().getString("cover_url");
        String original = profile(api, account).getString("cover_orig");

        Reply reply = api.postMultipart("cover_reposition", "session_id", account.token(), "cover_position", "100");
        assertEnvelope(reply, 200, "Your changes have been successfully saved");
        assertShape(reply.data(), shape("cover_url", STRING));
        String moved = reply.data().getString("cover_url");
        assertTrue(moved.startsWith(PUBLIC_URL + "upload/covers/") && moved.endsWith("_image_cover.jpg"), moved);
        BufferedImage window = image(api, moved);
        assertEquals(600, window.getWidth());
        assertEquals(200, window.getHeight());
        assertGrey(20, window, 10);   // original row 110, band 1
        assertGrey(40, window, 100);  // original row 200, band 2
        assertGrey(60, window, 180);  // original row 280, band 3

        assertEquals(404, fetch(api, first).statusCode(), "the replaced cover is deleted");
        assertEquals(original, profile(api, account).getString("cover_orig"), "the original is kept");
        assertEquals(moved, profile(api, account).getString("cover"));

        assertGrey(180, image(api, reposition(api, account, "10000")), 10); // clamped: the window starts at row 700
        assertGrey(0, image(api, reposition(api, account, "-50")), 10);
        assertGrey(20, image(api, reposition(api, account, "100.9")), 10);
    }

    @Test
    @RunAsClient
    default void repositionTakesGetAndTheSessionFromQueryOrHeader() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        upload(api, account, "cover", bands("cover", "cover.png"));
        Reply viaGet = api.get("cover_reposition", "session_id", account.token(), "cover_position", "100");
        assertEnvelope(viaGet, 200, "Your changes have been successfully saved");
        assertGrey(20, image(api, viaGet.data().getString("cover_url")), 10);
        Reply viaHeader = api.send(HttpRequest.newBuilder(api.url("cover_reposition", "cover_position=0"))
                .header("session_id", account.token()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEnvelope(viaHeader, 200, "Your changes have been successfully saved");
        assertGrey(0, image(api, viaHeader.data().getString("cover_url")), 10);
    }

    @Test
    @RunAsClient
    default void repositionErrors() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String invalid = "Cover position offset number is missing or invalid";
        assertError(api.postForm("cover_reposition", "cover_position", "10"), 401, "Unauthorized Access");
        assertError(api.postForm("cover_reposition", "session_id", account.token()), 400, invalid);
        assertError(api.postForm("cover_reposition", "session_id", account.token(), "cover_position", "ten"), 400, invalid);
        assertError(api.postForm("cover_reposition", "session_id", account.token(), "cover_position", "10"),
                400, "Cover image is missing or invalid");
    }

    @Test
    @RunAsClient
    default void coverRefusesWhatIsNotAnImage() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertError(upload(api, account, "cover"), 400, "Cover image is missing or invalid");
        assertError(upload(api, account, "cover", new FilePart("cover", "c.png", "image/png", "not a png".getBytes())),
                400, "Cover image is missing or invalid");
        assertError(api.postMultipart("cover", Map.of(), bands("cover", "c.png")), 401, "Unauthorized Access");
    }

    // ---- /upload -----------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void uploadFilesAreServedSafely() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        HttpResponse<byte[]> defaultAvatar = get(api, "upload/default/avatar.png");
        assertEquals(200, defaultAvatar.statusCode());
        assertEquals("image/png", defaultAvatar.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get(api, "upload/%2e%2e/WEB-INF/web.xml").statusCode());
        assertEquals(404, get(api, "upload/.tmp/").statusCode());
        assertEquals(404, get(api, "upload/avatars/none.jpg").statusCode());
        HttpResponse<byte[]> head = api.raw(HttpRequest.newBuilder(api.root().resolve("upload/default/cover.png"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertTrue(head.headers().firstValueAsLong("Content-Length").orElse(0) > 0);

        String url = upload(api, account, "avatar", png("avatar", "a.png")).data().getString("avatar_url");
        HttpResponse<byte[]> first = fetch(api, url);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = api.raw(HttpRequest.newBuilder(local(api, url)).header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        HttpResponse<byte[]> badDate = api.raw(HttpRequest.newBuilder(local(api, url)).header("If-Modified-Since", "yesterday").GET());
        assertEquals(200, badDate.statusCode());
        assertEquals(first.body().length, badDate.body().length);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The Flutter app's way: session_id as a header (it sends it in the form too). */
    private static HttpRequest.Builder multipartWithHeader(ApiClient api, String token, FilePart file) {
        return api.multipartRequest("avatar", Map.of(), file).header("session_id", token);
    }

    private static Reply upload(ApiClient api, Account account, String endpoint, FilePart... files) {
        return api.postMultipart(endpoint, Map.of("session_id", account.token()), files);
    }

    private static String reposition(ApiClient api, Account account, String offset) {
        return api.postForm("cover_reposition", "session_id", account.token(), "cover_position", offset)
                .data().getString("cover_url");
    }

    private static jakarta.json.JsonObject profile(ApiClient api, Account account) {
        return api.get("profile", "user_id", Long.toString(account.id())).data();
    }

    private static FilePart png(String field, String name) {
        return new FilePart(field, name, "image/png", TestImages.encode(TestImages.quadrants(300, 200), "png"));
    }

    private static FilePart bands(String field, String name) {
        return new FilePart(field, name, "image/png", TestImages.encode(TestImages.bands(1200, 1800, 150), "png"));
    }

    /** Media URLs name the configured public host; the test server answers on its own port. */
    private static URI local(ApiClient api, String publicUrl) {
        assertTrue(publicUrl.startsWith(PUBLIC_URL), publicUrl);
        return api.root().resolve(publicUrl.substring(PUBLIC_URL.length()));
    }

    private static HttpResponse<byte[]> fetch(ApiClient api, String publicUrl) {
        return api.raw(HttpRequest.newBuilder(local(api, publicUrl)).GET());
    }

    private static HttpResponse<byte[]> get(ApiClient api, String path) {
        return api.raw(HttpRequest.newBuilder(api.root().resolve(path)).GET());
    }

    private static BufferedImage image(ApiClient api, String publicUrl) throws IOException {
        HttpResponse<byte[]> file = fetch(api, publicUrl);
        assertEquals(200, file.statusCode(), publicUrl);
        return ImageIO.read(new ByteArrayInputStream(file.body()));
    }

    private static Path mediaDir() {
        return Path.of(System.getProperty("twittner.it.media", "target/it-media"));
    }

    private static void assertGrey(int level, BufferedImage image, int y) {
        int rgb = image.getRGB(300, y);
        assertTrue(TestImages.near(rgb, new Color(level, level, level), 8),
                "row " + y + " expected grey " + level + " but was " + TestImages.describe(rgb));
    }

    private static void assertColour(Color expected, BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        assertTrue(TestImages.near(rgb, expected, 24),
                "at " + x + "," + y + " expected " + TestImages.describe(expected.getRGB()) + " but was " + TestImages.describe(rgb));
    }
}
