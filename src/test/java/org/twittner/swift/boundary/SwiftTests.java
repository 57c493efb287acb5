package org.twittner.swift.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.ARRAY;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.OBJECT;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertDone;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Ffmpeg;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.TestImages;
import org.twittner.testing.Wire;

/**
 * Swifts over HTTP, as the apps call them: upload, publish, the stories bar, views, deletion,
 * the limit of live swifts, blocks, videos cut to 10 s, and expiry. The test servers run with a
 * swift lifetime of {@value #LIFETIME} s and a purge every 2 s (pom.xml), so that expiry is
 * observed for real without waiting a day; every other test finishes well within the lifetime.
 * Implemented by PostApiIT, which shares its deployment and gives each test two new accounts.
 */
public interface SwiftTests {

    ApiClient api();

    /** A new account for each test (the host class makes them before each). */
    Account alice();

    Account bob();

    /** TWITTNER_SWIFT_LIFETIME_SECONDS of the test servers (pom.xml). */
    static final int LIFETIME = 20;

    static final Map<String, Wire.Type> ENTRY = shape("id", NUMBER, "username", STRING, "fname", STRING,
            "lname", STRING, "avatar", STRING, "name", STRING, "url", STRING, "is_user", BOOLEAN, "has_unseen", BOOLEAN,
            "swift", ARRAY);
    static final Map<String, Wire.Type> SWIFT = shape("views", OBJECT, "views_count", NUMBER, "time", STRING,
            "type", STRING, "status", STRING, "media", OBJECT, "exp_time", NUMBER, "text", STRING, "seen", NUMBER,
            "swid", STRING);
    static final Map<String, Wire.Type> VIEWER = shape("id", NUMBER, "username", STRING, "fname", STRING,
            "lname", STRING, "avatar", STRING, "name", STRING, "url", STRING, "time", STRING);

    // ---- upload, publish, the bar ------------------------------------------------------------------

    @Test
    default void aPublishedImageSwiftIsInItsOwnersAndFollowersBarsOnlyWithTheContractShape() throws Exception {
        follow(bob(), alice());
        Reply upload = uploadImage(alice(), TestImages.quadrants(3000, 1000));
        assertEnvelope(upload, 200, "Media file uploaded successfully");
        assertShape(upload.data(), shape("url", STRING, "type", STRING));
        assertEquals("image", upload.data().getString("type"));
        String url = upload.data().getString("url");
        assertTrue(url.startsWith("https://media.twittner.test/upload/images/") && url.endsWith(".jpg"), url);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(api().fetch(url)));
        assertEquals(1920, stored.getWidth(), "scaled to fit a phone screen");
        assertEquals(640, stored.getHeight());

        long before = System.currentTimeMillis() / 1000;
        assertDone(publish(alice(), "Hello ☀ world"), "Swift published successfully");

        JsonArray own = bar(alice());
        assertEquals(1, own.size());
        JsonObject entry = own.getJsonObject(0);
        assertShape(entry, ENTRY);
        assertEquals(alice().id(), entry.getInt("id"));
        assertEquals("@" + alice().username(), entry.getString("username"));
        assertTrue(entry.getBoolean("is_user"));
        assertFalse(entry.getBoolean("has_unseen"), "one's own swifts count as seen");
        JsonObject swift = entry.getJsonArray("swift").getJsonObject(0);
        assertShape(swift, SWIFT);
        assertEquals("image", swift.getString("type"));
        assertEquals("active", swift.getString("status"));
        assertEquals(url, swift.getJsonObject("media").getString("src"));
        assertEquals(1, swift.getJsonObject("media").size());
        assertEquals("Hello ☀ world", swift.getString("text"));
        assertTrue(swift.getString("swid").matches("[A-Za-z0-9]{16}"), swift.toString());
        assertTrue(swift.getString("time").matches("\\d\\d:\\d\\d"), swift.toString());
        long expires = swift.getJsonNumber("exp_time").longValue();
        assertTrue(expires >= before + LIFETIME && expires <= before + LIFETIME + 10, "lives for the configured lifetime: " + swift);
        assertEquals(0, swift.getJsonObject("views").size());

        JsonObject seenByBob = bar(bob()).getJsonObject(0);
        assertEquals(alice().id(), seenByBob.getInt("id"));
        assertFalse(seenByBob.getBoolean("is_user"));
        assertTrue(seenByBob.getBoolean("has_unseen"));
        assertEquals(0, seenByBob.getJsonArray("swift").getJsonObject(0).getInt("seen"));

        Account stranger = TestAccounts.create(api());
        assertError(api().get("get_swifts", "session_id", stranger.token()), 404, "No swifts available yet");
        assertError(api().get("get_swifts", "session_id", "nope"), 401, "Unauthorized Access");
        assertEquals(0, Fixtures.number(api(), "select count(*) from swift_drafts where user_id = ?", alice().id()),
                "publishing spends the draft");
    }

    @Test
    default void uploadsAreCheckedTypeFirstThenTheFileAndANewUploadReplacesTheDraft() throws Exception {
        byte[] png = TestImages.encode(TestImages.quadrants(40, 40), "png");
        assertError(upload(alice(), null, new FilePart("file", "a.png", "image/png", png)), 400, "Media file type is missing or invalid");
        assertError(upload(alice(), "audio", new FilePart("file", "a.png", "image/png", png)), 400, "Media file type is missing or invalid");
        assertError(upload(alice(), "image"), 500, "Media file is missing or invalid");
        assertError(upload(alice(), "image", new FilePart("file", "a.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8))),
                400, "Media file is missing or invalid");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", "nope");
        fields.put("type", "image");
        assertError(api().postMultipart("upload_swift_media", fields, new FilePart("file", "a.png", "image/png", png)),
                401, "Unauthorized Access");
        assertError(publish(alice(), ""), 400, "There is no swift media to publish: upload it first");

        String first = uploadImage(alice(), TestImages.quadrants(40, 40)).data().getString("url");
        String second = uploadImage(alice(), TestImages.quadrants(50, 50)).data().getString("url");
        awaitStatus(first, 404); // the replaced draft's file goes after the commit
        assertEquals(200, api().status(second));
        assertDone(publish(alice(), null), "Swift published successfully");
        JsonObject swift = bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0);
        assertEquals(second, swift.getJsonObject("media").getString("src"));
        assertEquals("", swift.getString("text"));

        // a caption is cut to 200 characters (emoji count one), as the reference cuts it
        uploadImage(alice(), TestImages.quadrants(40, 40));
        assertDone(publish(alice(), "😀".repeat(250)), "Swift published successfully");
        JsonArray swifts = bar(alice()).getJsonObject(0).getJsonArray("swift");
        String text = swifts.getJsonObject(swifts.size() - 1).getString("text");
        assertEquals(200, text.codePointCount(0, text.length()));
    }

    @Test
    default void deleteSwiftMediaDiscardsOnlyTheCallersDraft() throws Exception {
        assertDone(api().postForm("delete_swift_media", "session_id", alice().token()), "Media deleted successfully");
        String url = uploadImage(alice(), TestImages.quadrants(40, 40)).data().getString("url");
        assertDone(api().postForm("delete_swift_media", "session_id", bob().token()), "Media deleted successfully");
        assertEquals(200, api().status(url), "bob's call touched only bob's (empty) draft");
        assertDone(api().postForm("delete_swift_media", "session_id", alice().token()), "Media deleted successfully");
        awaitStatus(url, 404);
        assertError(publish(alice(), "x"), 400, "There is no swift media to publish: upload it first");
        assertError(api().postForm("delete_swift_media", "session_id", "nope"), 401, "Unauthorized Access");
    }

    @Test
    default void onlyTheOwnerDeletesASwiftAndItsFilesGo() throws Exception {
        follow(bob(), alice());
        String url = uploadImage(alice(), TestImages.quadrants(40, 40)).data().getString("url");
        publish(alice(), "mine");
        String swid = onlySwid(alice());
        assertError(api().postForm("delete_swift", "session_id", bob().token(), "swid", swid), 404, "Swift not found");
        assertEquals(swid, onlySwid(bob()), "still there for everyone");
        assertError(api().postForm("delete_swift", "session_id", alice().token()), 400, "Swift ID is missing or invalid");
        assertError(api().postForm("delete_swift", "session_id", alice().token(), "swid", "short"), 400, "Swift ID is missing or invalid");
        assertError(api().postForm("delete_swift", "session_id", alice().token(), "swid", "' OR '1'='1xxxxxx"), 400,
                "Swift ID is missing or invalid");
        assertError(api().postForm("delete_swift", "session_id", "nope", "swid", swid), 401, "Unauthorized Access");
        assertDone(api().postForm("delete_swift", "session_id", alice().token(), "swid", swid), "Swift successfully deleted");
        assertError(api().get("get_swifts", "session_id", alice().token()), 404, "No swifts available yet");
        assertError(api().get("get_swifts", "session_id", bob().token()), 404, "No swifts available yet");
        assertError(api().postForm("delete_swift", "session_id", alice().token(), "swid", swid), 404, "Swift not found");
        awaitStatus(url, 404);
    }

    // ---- views ----------------------------------------------------------------------------------

    @Test
    default void aViewCountsOncePerViewerAndOnlyTheOwnerSeesWhoWatched() throws Exception {
        follow(bob(), alice());
        uploadImage(alice(), TestImages.quadrants(40, 40));
        publish(alice(), "watch me");
        String swid = onlySwid(alice());

        assertDone(view(bob(), alice().id(), swid), "Swift view registered successfully");
        assertDone(view(bob(), alice().id(), swid), "Swift view registered successfully");
        // the Java app sends the swift id in "username" (its bug): it counts as the same view
        assertDone(api().postForm("reg_swift_view", "session_id", bob().token(), "user_id", String.valueOf(alice().id()),
                "username", swid), "Swift view registered successfully");
        assertDone(view(alice(), alice().id(), swid), "Swift view registered successfully");

        JsonObject bobsView = bar(bob()).getJsonObject(0);
        assertFalse(bobsView.getBoolean("has_unseen"));
        JsonObject seen = bobsView.getJsonArray("swift").getJsonObject(0);
        assertEquals(1, seen.getInt("seen"));
        assertEquals(0, seen.getJsonObject("views").size(), "who watched is the owner's business");

        JsonObject mine = bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0);
        assertEquals(1, mine.getInt("views_count"), "the owner's own view is not a view");
        JsonObject viewer = mine.getJsonObject("views").getJsonObject(String.valueOf(bob().id()));
        assertShape(viewer, VIEWER);
        assertEquals("@" + bob().username(), viewer.getString("username"));
        assertTrue(viewer.getString("time").endsWith("ago") || viewer.getString("time").equals("just now"), viewer.toString());

        // fifteen followers, each sending the same view four times at once: fifteen views
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Account fan = TestAccounts.create(api());
            follow(fan, alice());
            fans.add(fan);
        }
        List<Reply> replies = Concurrently.call(60, i -> Concurrently.unlessBusy(() -> view(fans.get(i % 15), alice().id(), swid)));
        replies.forEach(reply -> assertDone(reply, "Swift view registered successfully"));
        assertEquals(16, Fixtures.number(api(), "select count(*) from swift_views v join swifts s on s.id = v.swift_id where s.swid = ?", swid));
        assertEquals(16, Fixtures.number(api(), "select view_count from swifts where swid = ?", swid));
        assertEquals(16, bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0).getInt("views_count"));
    }

    @Test
    default void aViewIsRefusedForASwiftTheCallerMayNotSee() {
        uploadImage(alice(), TestImages.quadrants(40, 40));
        publish(alice(), "followers only");
        String swid = onlySwid(alice());
        assertError(view(bob(), alice().id(), swid), 404, "Swift not found");
        assertEquals(0, Fixtures.number(api(), "select view_count from swifts where swid = ?", swid));
        follow(bob(), alice());
        assertError(view(bob(), bob().id(), swid), 404, "Swift not found");
        assertError(view(bob(), alice().id(), "AAAAAAAAAAAAAAAA"), 404, "Swift not found");
        assertError(view(bob(), 999_999_999L, swid), 400, "User ID is not valid or missing");
        assertError(api().postForm("reg_swift_view", "session_id", bob().token(), "swid", swid), 400, "User ID is not valid or missing");
        assertError(api().postForm("reg_swift_view", "session_id", bob().token(), "user_id", "abc", "swid", swid), 400,
                "User ID is not valid or missing");
        assertError(view(bob(), alice().id(), "bad"), 400, "Swift ID is missing or invalid");
        assertError(api().postForm("reg_swift_view", "session_id", "nope", "user_id", String.valueOf(alice().id()), "swid", swid),
                401, "Unauthorized Access");
        assertDone(view(bob(), alice().id(), swid), "Swift view registered successfully");
    }

    // ---- order, blocks, the limit -------------------------------------------------------------------

    @Test
    default void theBarShowsTheCallerFirstThenUnseenThenSeenNewestFirst() {
        Account carol = TestAccounts.create(api());
        Account dave = TestAccounts.create(api());
        for (Account author : List.of(alice(), carol, dave)) {
            follow(bob(), author);
        }
        uploadImage(alice(), TestImages.quadrants(30, 30));
        publish(alice(), "a1");
        uploadImage(carol, TestImages.quadrants(30, 30));
        publish(carol, "c1");
        uploadImage(dave, TestImages.quadrants(30, 30));
        publish(dave, "d1");
        uploadImage(alice(), TestImages.quadrants(30, 30));
        publish(alice(), "a2");
        uploadImage(bob(), TestImages.quadrants(30, 30));
        publish(bob(), "mine");
        // bob watched all of dave's: dave goes last; alice's newest is newer than carol's
        view(bob(), dave.id(), bar(dave).getJsonObject(0).getJsonArray("swift").getJsonObject(0).getString("swid"));
        JsonArray bar = bar(bob());
        List<Long> order = new ArrayList<>();
        bar.forEach(entry -> order.add(entry.asJsonObject().getJsonNumber("id").longValue()));
        assertEquals(List.of(bob().id(), alice().id(), carol.id(), dave.id()), order);
        JsonArray alices = bar.getJsonObject(1).getJsonArray("swift");
        assertEquals(List.of("a1", "a2"), List.of(alices.getJsonObject(0).getString("text"), alices.getJsonObject(1).getString("text")),
                "each user's swifts in the order they were published");
        assertFalse(bar.getJsonObject(3).getBoolean("has_unseen"));
        assertTrue(bar.getJsonObject(1).getBoolean("has_unseen"));
    }

    @Test
    default void blockedUsersNeverSeeOrWatchEachOthersSwifts() {
        follow(bob(), alice());
        uploadImage(alice(), TestImages.quadrants(30, 30));
        publish(alice(), "before the block");
        String swid = onlySwid(alice());
        view(bob(), alice().id(), swid);
        assertEquals(1, bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0).getJsonObject("views").size());
        assertEquals(200, api().postForm("block_user", "session_id", alice().token(), "user_id", String.valueOf(bob().id())).code());
        assertError(api().get("get_swifts", "session_id", bob().token()), 404, "No swifts available yet");
        assertError(view(bob(), alice().id(), swid), 404, "Swift not found");
        assertEquals(0, bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0).getJsonObject("views").size(),
                "a blocked viewer is not listed");
        // even a follow row written behind the API's back does not show a blocked user's swifts
        Fixtures.sql(api(), "insert into follows (follower_id, following_id, status, created_at) values (?, ?, 'active', 0)",
                bob().id(), alice().id());
        assertError(api().get("get_swifts", "session_id", bob().token()), 404, "No swifts available yet");
        assertError(view(bob(), alice().id(), swid), 404, "Swift not found");
    }

    @Test
    default void atMostTwentySwiftsLiveAtOnce() {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, uploadImage(alice(), TestImages.quadrants(16, 16)).code());
            assertDone(publish(alice(), "n" + i), "Swift published successfully");
        }
        String limit = "You can have at most 20 live swifts; delete one or wait until one expires";
        assertError(uploadImage(alice(), TestImages.quadrants(16, 16)), 400, limit);
        assertEquals(20, bar(alice()).getJsonObject(0).getJsonArray("swift").size());
        assertDone(api().postForm("delete_swift", "session_id", alice().token(), "swid", onlySwidOf(alice(), 0)), "Swift successfully deleted");
        assertEquals(200, uploadImage(alice(), TestImages.quadrants(16, 16)).code());
        assertDone(publish(alice(), "twentieth again"), "Swift published successfully");
        assertEquals(20, Fixtures.number(api(), "select count(*) from swifts where user_id = ?", alice().id()));
    }

    // ---- video ----------------------------------------------------------------------------------

    @Test
    default void aVideoIsCutToItsFirstTenSecondsAndGetsAPoster() throws Exception {
        Path clip = Files.createTempFile("swift", ".mp4");
        Path stored = Files.createTempFile("stored", ".mp4");
        try {
            Ffmpeg.run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=14:size=320x240:rate=25",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-metadata", "location=+48.8577+002.2950/", clip.toString());
            Reply upload = upload(alice(), "video", new FilePart("file", "clip.mp4", "video/mp4", Files.readAllBytes(clip)));
            assertEnvelope(upload, 200, "Media file uploaded successfully");
            assertEquals("video", upload.data().getString("type"));
            String url = upload.data().getString("url");
            assertTrue(url.startsWith("https://media.twittner.test/upload/videos/") && url.endsWith(".mp4"), url);
            byte[] video = api().fetch(url);
            assertFalse(new String(video, StandardCharsets.ISO_8859_1).contains("48.8577"), "no location left");
            Files.write(stored, video);
            double seconds = Double.parseDouble(Ffmpeg.run("ffprobe", "-v", "error", "-show_entries", "format=duration",
                    "-of", "default=noprint_wrappers=1:nokey=1", stored.toString()).strip());
            assertTrue(seconds > 9.5 && seconds <= 10.05, "cut to 10 s: " + seconds);

            publish(alice(), "a clip");
            JsonObject media = bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0).getJsonObject("media");
            assertEquals(url, media.getString("src"));
            assertEquals(url, media.getString("source"));
            assertEquals(10, media.getInt("duration"));
            BufferedImage poster = ImageIO.read(new ByteArrayInputStream(api().fetch(media.getString("poster"))));
            assertEquals(320, poster.getWidth());
            assertError(upload(alice(), "video", new FilePart("file", "clip.mp4", "video/mp4",
                    TestImages.encode(TestImages.quadrants(20, 20), "jpg"))), 400, "Media file is missing or invalid");
        } finally {
            Files.deleteIfExists(clip);
            Files.deleteIfExists(stored);
        }
    }

    // ---- expiry ---------------------------------------------------------------------------------

    @Test
    default void aSwiftIsNeverServedAfterItsLifetimeAndThePurgeRemovesItsRowsViewsAndFiles() throws Exception {
        follow(bob(), alice());
        String url = uploadImage(alice(), TestImages.quadrants(40, 40)).data().getString("url");
        publish(alice(), "short-lived");
        JsonObject swift = bar(alice()).getJsonObject(0).getJsonArray("swift").getJsonObject(0);
        String swid = swift.getString("swid");
        view(bob(), alice().id(), swid);
        // an unpublished draft goes too, once it is as old as a swift's lifetime
        String draft = uploadImage(bob(), TestImages.quadrants(40, 40)).data().getString("url");
        long expires = swift.getJsonNumber("exp_time").longValue();

        long wait = expires * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        // from its expiry on, whether the purge has run or not
        assertError(api().get("get_swifts", "session_id", alice().token()), 404, "No swifts available yet");
        assertError(api().get("get_swifts", "session_id", bob().token()), 404, "No swifts available yet");
        assertError(view(bob(), alice().id(), swid), 404, "Swift not found");

        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline
                && (Fixtures.number(api(), "select count(*) from swifts where swid = ?", swid) > 0
                        || Fixtures.number(api(), "select count(*) from swift_drafts where user_id = ?", bob().id()) > 0)) {
            Thread.sleep(250);
        }
        assertEquals(0, Fixtures.number(api(), "select count(*) from swifts where swid = ?", swid), "purged");
        assertEquals(0, Fixtures.number(api(), "select count(*) from swift_views where viewer_id = ?", bob().id()));
        assertEquals(0, Fixtures.number(api(), "select count(*) from swift_drafts where user_id = ?", bob().id()));
        awaitStatus(url, 404);
        awaitStatus(draft, 404);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void follow(Account follower, Account followed) {
        Reply reply = api().postForm("follow", "session_id", follower.token(), "user_id", String.valueOf(followed.id()));
        assertEquals(200, reply.code(), reply.toString());
    }

    private Reply uploadImage(Account user, BufferedImage image) {
        return upload(user, "image", new FilePart("file", "swift.png", "image/png", TestImages.encode(image, "png")));
    }

    private Reply upload(Account user, String type, FilePart... files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", user.token());
        if (type != null) {
            fields.put("type", type);
        }
        return Concurrently.unlessBusy(() -> api().postMultipart("upload_swift_media", fields, files));
    }

    private Reply publish(Account user, String text) {
        return text == null ? api().postForm("publish_swift", "session_id", user.token())
                : api().postForm("publish_swift", "session_id", user.token(), "swift_text", text);
    }

    private Reply view(Account viewer, long authorId, String swid) {
        return api().postForm("reg_swift_view", "session_id", viewer.token(), "user_id", String.valueOf(authorId), "swid", swid);
    }

    private JsonArray bar(Account viewer) {
        Reply reply = api().get("get_swifts", "session_id", viewer.token());
        assertEnvelope(reply, 200, "Swifts fetched successfully");
        return reply.json().getJsonArray("data");
    }

    private String onlySwid(Account viewer) {
        JsonArray bar = bar(viewer);
        assertEquals(1, bar.size(), bar.toString());
        return onlySwidOf(viewer, 0);
    }

    private String onlySwidOf(Account viewer, int index) {
        return bar(viewer).getJsonObject(0).getJsonArray("swift").getJsonObject(index).getString("swid");
    }

    /** Files removed after a commit go a moment after the answer: wait a little for it. */
    private void awaitStatus(String url, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (api().status(url) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, api().status(url), url);
    }
}
