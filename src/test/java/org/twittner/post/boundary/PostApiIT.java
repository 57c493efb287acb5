package org.twittner.post.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.ARRAY;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.OBJECT;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twittner.engagement.boundary.EngagementTests;
import org.twittner.search.boundary.SearchTests;
import org.twittner.swift.boundary.SwiftTests;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.TestImages;
import org.twittner.testing.Wire;

/**
 * Posts, threads, feeds and profile tabs over HTTP, as the apps call them. Its deployment also
 * runs what hangs on posts: searches ({@link SearchTests}), likes, reposts, bookmarks, polls and
 * reports ({@link EngagementTests}) and swifts ({@link SwiftTests}): one server start for all
 * of them. {@link Fixtures} writes rows that have no endpoint here, and reads counters back to
 * compare them with the rows they count.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostApiIT implements SearchTests, EngagementTests, SwiftTests {

    static final Map<String, Wire.Type> OWNER = shape(
            "id", NUMBER, "url", STRING, "avatar", STRING, "username", STRING, "name", STRING, "verified", STRING);
    static final Map<String, Wire.Type> REPLY_TO = shape("id", NUMBER, "url", STRING, "avatar", STRING,
            "username", STRING, "name", STRING, "gender", STRING, "is_owner", BOOLEAN, "thread_url", STRING);
    static final Map<String, Wire.Type> MEDIA = shape("id", NUMBER, "pub_id", NUMBER, "type", STRING, "src", STRING,
            "json_data", STRING, "time", STRING, "x", OBJECT);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/twittner.war"))
                .addPackage(ApiClient.class.getPackage())
                .addClasses(PostApiIT.class, SearchTests.class, EngagementTests.class, SwiftTests.class);
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    Account alice;
    Account bob;

    @Override
    public ApiClient api() {
        return api;
    }

    @Override
    public Account alice() {
        return alice;
    }

    @Override
    public Account bob() {
        return bob;
    }

    @BeforeEach
    void twoUsers() {
        api = new ApiClient(deployment);
        alice = TestAccounts.create(api);
        bob = TestAccounts.create(api);
    }

    // ---- publish_post ------------------------------------------------------------------------

    @Test
    void aTextPostHasTheContractShapeAndLinksItsTagsAndMentions() {
        Reply first = publish(alice, "post_text", "Hello #Jakarta and @" + bob.username() + " <b>x</b> https://example.org/a");
        assertEnvelope(first, 200, "Post published successfully", "posts_total");
        assertEquals(1, first.json().getInt("posts_total"));
        JsonObject post = first.data();
        assertShape(post, POST);
        assertShape(post.getJsonObject("owner"), OWNER);
        assertEquals("text", post.getString("type"));
        assertEquals("publication", post.getString("target"));
        assertEquals(0, post.getInt("thread_id"));
        assertEquals("0", post.getString("replys_count"));
        assertEquals("", post.getString("og_data"));
        assertEquals("just now", post.getString("time"));
        assertTrue(post.getBoolean("is_owner") && post.getBoolean("can_delete"));
        assertEquals("@" + alice.username(), post.getJsonObject("owner").getString("username"));
        String text = post.getString("text");
        assertTrue(text.contains("search/posts?q=Jakarta\" class=\"inline-link\">#Jakarta</a>"), text);
        assertTrue(text.contains("/" + bob.username() + "\" class=\"inline-link\">@" + bob.username() + "</a>"), text);
        assertTrue(text.contains("&lt;b&gt;x&lt;/b&gt;"), text);
        assertTrue(text.contains("<a href=\"https://example.org/a\""), text);
        assertEquals(1, Fixtures.number(api, "select count(*) from post_mentions where post_id = ? and user_id = ?",
                post.getInt("id"), bob.id()));
        assertEquals(1, Fixtures.number(api, "select count(*) from post_hashtags h join hashtags t on t.id = h.hashtag_id"
                + " where h.post_id = ? and t.tag_key = 'jakarta'", post.getInt("id")));

        assertEquals(2, publish(alice, "post_text", "second").json().getInt("posts_total"));
        // one tag for MariaDB's accent-insensitive collation, two for H2: linked and counted once each
        String key = "cafe" + alice.id();
        long accents = publish(alice, "post_text", "#" + key + " #" + key.replace("cafe", "café") + " #" + key.toUpperCase()).data().getInt("id");
        assertEquals(Fixtures.number(api, "select count(*) from post_hashtags where post_id = ?", accents),
                Fixtures.number(api, "select sum(posts) from hashtags where tag_key in (?, ?)", key, key.replace("cafe", "café")));
        String longText = "é".repeat(700);
        assertEquals(600, publish(alice, "post_text", longText).data().getString("text").length(), "cut to 600 as the reference does");
    }

    @Test
    void invalidPublicationsAreRefusedWithTheDocumentedAnswer() {
        for (Reply reply : List.of(publish(alice), publish(alice, "post_text", "   "),
                publish(alice, "gif_src", "javascript:alert(1)"), publish(alice, "post_text", "x", "gif_src", "ftp://a/b.gif"))) {
            assertEnvelope(reply, 400, "Invalid data for publication. Please check your details", "err_code");
            assertEquals("invalid_post_data", reply.json().getString("err_code"));
        }
        assertError(api.postForm("publish_post", "post_text", "hi"), 401, "Unauthorized Access");
        assertError(publish(alice, "post_text", "hi", "thread_id", "abc"), 400, Threads_BAD);
        assertError(publish(alice, "post_text", "hi", "thread_id", "999999999"), 400, Threads_BAD);
        assertEquals(0, Fixtures.number(api, "select count(*) from posts where user_id = ?", alice.id()), "nothing half-written");
    }

    static final String Threads_BAD = "Thread ID is missing or invalid. Please check your details";
    static final String BAD_POLL = "Poll options are invalid: 2 to 4 options of 1 to 25 characters each";

    @Test
    void pollsGifsAndLinkPreviewsAsTheAppsSendThem() {
        JsonObject poll = publish(alice, "post_text", "Tea or coffee?",
                "poll_data", "[{\"value\":\"Tea\"},{\"value\":\"Coffee\"}]").data();
        assertEquals("poll", poll.getString("type"));
        JsonObject results = poll.getJsonObject("poll");
        assertEquals(0, results.getInt("has_voted"));
        assertEquals(0, results.getInt("total"));
        assertEquals("Coffee", results.getJsonArray("options").getJsonObject(1).getString("option"));
        assertEquals("0", results.getJsonArray("options").getJsonObject(1).getString("percentage"));
        JsonObject formPoll = api.postMultipart("publish_post", "session_id", alice.token(), "post_text", "Pick",
                "poll_data[0][value]", "A", "poll_data[1][value]", "B", "poll_data[2][value]", "C").data();
        assertEquals(3, formPoll.getJsonObject("poll").getJsonArray("options").size());
        assertError(publish(alice, "post_text", "q", "poll_data", "[{\"value\":\"only one\"}]"), 400, BAD_POLL);
        assertError(publish(alice, "post_text", "q", "poll_data", "[\"a\",\"b\",\"c\",\"d\",\"e\"]"), 400, BAD_POLL);
        assertError(publish(alice, "post_text", "q", "poll_data", "[\"a\",\"" + "b".repeat(26) + "\"]"), 400, BAD_POLL);
        assertError(publish(alice, "post_text", "q", "poll_data", "{not json"), 400, BAD_POLL);
        assertEnvelope(publish(alice, "poll_data", "[\"a\",\"b\"]"), 400, "Invalid data for publication. Please check your details", "err_code");

        JsonObject gif = publish(alice, "gif_src", "https://media.giphy.com/media/x/giphy.gif").data();
        assertEquals("gif", gif.getString("type"));
        JsonObject gifMedia = gif.getJsonArray("media").getJsonObject(0);
        assertEquals("https://media.giphy.com/media/x/giphy.gif", gifMedia.getString("src"));
        assertEquals("[]", gifMedia.getString("json_data"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, gifMedia.get("x"));

        JsonObject preview = publish(alice, "post_text", "look https://example.org/page",
                "og_data[title]", "A page\u0007", "og_data[description]", "About it", "og_data[image]", "javascript:x",
                "og_data[type]", "article", "og_data[url]", "https://example.org/page").data().getJsonObject("og_data");
        assertEquals("A page", preview.getString("title"));
        assertEquals("", preview.getString("image"), "only http(s) images");
        assertEquals("https://example.org/page", preview.getString("url"));
        JsonObject fromJson = publish(alice, "post_text", "json preview",
                "og_data", "{\"title\":\"T\",\"url\":\"http://example.org/\",\"evil\":\"<script>\"}").data().getJsonObject("og_data");
        assertEquals(Set.of("title", "description", "image", "type", "url"), fromJson.keySet());
        assertEquals("", publish(alice, "post_text", "bad preview", "og_data[title]", "T", "og_data[url]", "javascript:alert(1)")
                .data().getString("og_data"));
    }

    // ---- replies and threads -----------------------------------------------------------------

    @Test
    void repliesFormThreadsWithTheirCounters() {
        long post = publish(alice, "post_text", "root").data().getInt("id");
        Reply reply = publish(bob, "post_text", "first reply", "thread_id", String.valueOf(post), "privacy", "followers");
        assertEnvelope(reply, 200, "Post published successfully", "replys_total");
        assertEquals(1, reply.json().getInt("replys_total"));
        JsonObject first = reply.data();
        assertEquals("pub_reply", first.getString("target"));
        assertEquals("everyone", first.getString("priv_wcr"), "replies cannot restrict replies");
        assertShape(first.getJsonObject("reply_to"), REPLY_TO);
        assertEquals(alice.id(), first.getJsonObject("reply_to").getInt("id"));
        long nested = publish(alice, "post_text", "nested", "thread_id", String.valueOf(first.getInt("id"))).data().getInt("id");
        long second = publish(bob, "post_text", "second reply", "thread_id", String.valueOf(post)).data().getInt("id");

        Reply thread = api.get("thread_data", "session_id", alice.token(), "thread_id", String.valueOf(post));
        assertEquals(200, thread.code(), thread.toString());
        JsonObject data = thread.data();
        assertShape(data, shape("can_reply", BOOLEAN, "can_see", BOOLEAN, "post", OBJECT, "next", ARRAY, "prev", ARRAY));
        assertEquals("2", data.getJsonObject("post").getString("replys_count"));
        assertEquals(List.of(second, (long) first.getInt("id")), ids(data.getJsonArray("next")));
        assertEquals(List.of(nested), ids(data.getJsonArray("next").getJsonObject(1).getJsonArray("replys")));
        assertEquals(List.of(), ids(data.getJsonArray("prev")));

        JsonObject deep = api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(nested)).data();
        assertEquals(List.of(post, (long) first.getInt("id")), ids(deep.getJsonArray("prev")), "root first");
        assertTrue(deep.getBoolean("can_reply"));

        Reply page = api.get("thread_replys", "session_id", bob.token(), "thread_id", String.valueOf(post),
                "offset", String.valueOf(second), "page_size", "1");
        assertEnvelope(page, 200, "Replies fetched successfully");
        assertEquals(List.of((long) first.getInt("id")), ids(page.json().getJsonArray("data")));
        assertError(api.get("thread_replys", "session_id", bob.token(), "thread_id", String.valueOf(post),
                "offset", String.valueOf(first.getInt("id"))), 404, "No data found");
        assertError(api.get("thread_replys", "session_id", bob.token(), "thread_id", String.valueOf(post)), 400,
                "The paging offset ID is missing or invalid. Please check your details");
        assertError(api.get("thread_data", "session_id", bob.token(), "thread_id", "0"), 400, Threads_BAD);
        assertError(api.get("thread_data", "thread_id", String.valueOf(post)), 401, "Unauthorized Access");
    }

    @Test
    void replyPrivacyAndBlocksAreEnforced() {
        Account carol = TestAccounts.create(api);
        long followersOnly = publish(alice, "post_text", "friends only", "privacy", "followers").data().getInt("id");
        long mentioned = publish(alice, "post_text", "hey @" + carol.username(), "privacy", "mentioned").data().getInt("id");
        assertError(reply(bob, followersOnly), 400, "You cannot reply to this post");
        assertFalse(api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(followersOnly))
                .data().getBoolean("can_reply"));
        follow(bob, alice);
        assertEquals(200, reply(bob, followersOnly).code());
        assertError(reply(bob, mentioned), 400, "You cannot reply to this post");
        Reply carols = reply(carol, mentioned);
        assertEquals(200, carols.code(), carols.toString());
        long carolsReply = carols.data().getInt("id");
        assertEquals("1", api.get("thread_data", "session_id", alice.token(), "thread_id", String.valueOf(mentioned))
                .data().getJsonObject("post").getString("replys_count"), "refused replies counted nothing");

        // change_post_privacy: the owner's top-level posts only
        assertError(api.postForm("change_post_privacy", "session_id", bob.token(), "post_id", String.valueOf(mentioned),
                "privacy", "everyone"), 400, "Post ID is missing or invalid. Please check your details");
        assertError(api.postForm("change_post_privacy", "session_id", alice.token(), "post_id", String.valueOf(mentioned),
                "privacy", "nobody"), 400, "Post ID is missing or invalid. Please check your details");
        Wire.assertDone(api.postForm("change_post_privacy", "session_id", alice.token(), "post_id", String.valueOf(mentioned),
                "privacy", "everyone"), "Post privacy changed successfully");
        assertEquals(200, reply(bob, mentioned).code());

        // a block either way: no reply, no thread, no profile tab, nothing in the feed
        Fixtures.sql(api, "insert into blocks (user_id, blocked_id, created_at) values (?, ?, 0)", alice.id(), bob.id());
        assertError(reply(bob, mentioned), 400, Threads_BAD);
        assertError(api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(mentioned)), 400, Threads_BAD);
        assertError(api.get("profile_posts", "session_id", bob.token(), "user_id", String.valueOf(alice.id())), 400,
                "This profile data is not available for viewing");
        assertFalse(feedIds(bob).contains(mentioned));
        JsonObject aside = api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(carolsReply)).data();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, aside.getJsonObject("post").get("reply_to"), "who blocked bob stays unnamed");
        assertEquals(List.of(), ids(aside.getJsonArray("prev")));
        assertFalse(ids(api.get("thread_data", "session_id", alice.token(), "thread_id", String.valueOf(mentioned))
                .data().getJsonArray("next")).isEmpty(), "alice still sees carol's reply");
        assertTrue(api.get("thread_data", "session_id", alice.token(), "thread_id", String.valueOf(mentioned)).data()
                .getJsonArray("next").stream().map(JsonValue::asJsonObject).noneMatch(r -> r.getInt("user_id") == bob.id()),
                "nor bob's replies: blocked users vanish from threads");
    }

    // ---- media drafts ------------------------------------------------------------------------

    @Test
    void imagesGoThroughTheDraftIntoAPost() throws Exception {
        byte[] photo = TestImages.jpegWithExif(TestImages.quadrants(1200, 800), 6, true);
        Reply upload = uploadMedia(alice, "image", new FilePart("file", "IMG_1.JPG", "image/jpeg", photo));
        assertEnvelope(upload, 200, "Media file uploaded successfully");
        assertShape(upload.data(), shape("media_id", NUMBER, "type", STRING, "url", STRING));
        assertEquals("Image", upload.data().getString("type"));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(api.fetch(upload.data().getString("url"))));
        assertEquals(300, thumb.getWidth());
        assertEquals(300, thumb.getHeight());
        long second = uploadMedia(alice, "image", new FilePart("file", "b.png", "image/png",
                TestImages.encode(TestImages.quadrants(40, 30), "png"))).data().getInt("media_id");
        assertError(api.postForm("delete_post_media", "session_id", bob.token(), "type", "image", "media_id",
                String.valueOf(second)), 500, "An error occurred while processing your request. Please try again later.");
        Account carol = TestAccounts.create(api);
        uploadMedia(carol, "image", new FilePart("file", "c.png", "image/png", TestImages.encode(TestImages.quadrants(40, 30), "png")));
        assertError(api.postForm("delete_post_media", "session_id", carol.token(), "type", "image", "media_id",
                String.valueOf(second)), 400, "Media file ID is missing or invalid");
        Wire.assertDone(api.postForm("delete_post_media", "session_id", alice.token(), "type", "image", "media_id",
                String.valueOf(second)), "Media deleted successfully");

        JsonObject post = publish(alice, "post_text", "a photo", "gif_src", "https://ignored.example/x.gif").data();
        assertEquals("image", post.getString("type"), "the draft wins over a GIF");
        JsonArray media = post.getJsonArray("media");
        assertEquals(1, media.size());
        JsonObject item = media.getJsonObject(0);
        assertShape(item, MEDIA);
        assertTrue(item.getString("src").startsWith("upload/images/"), "site-relative, as the reference");
        String original = item.getString("src");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(api.fetch(api.root().resolve(original).toString())));
        assertEquals(800, stored.getWidth(), "EXIF orientation applied");
        assertEquals(1200, stored.getHeight());
        assertTrue(post.getString("og_image").endsWith(original));
        assertEquals(post.getInt("id"), item.getInt("pub_id"));

        // deleting the post deletes its files after the commit
        Wire.assertDone(api.postForm("delete_post", "session_id", alice.token(), "post_id", String.valueOf(post.getInt("id"))),
                "Post deleted successfully");
        assertEquals(404, api.status(api.root().resolve(original).toString()));
        assertEquals(404, api.status(api.root().resolve(item.getJsonObject("x").getString("image_thumb")).toString()));
    }

    @Test
    void draftLimitsAndRefusals() {
        byte[] png = TestImages.encode(TestImages.quadrants(20, 20), "png");
        assertError(uploadMedia(alice, "", new FilePart("file", "a.png", "image/png", png)), 400, "Media file type is missing or invalid");
        assertError(uploadMedia(alice, "image"), 500, "Media file is missing or invalid");
        assertError(uploadMedia(alice, "image", new FilePart("file", "a.png", "image/png", "not a png".getBytes())), 400,
                "Media file is missing or invalid");
        assertError(api.postMultipart("upload_post_media", Map.of("type", "image"), new FilePart("file", "a.png", "image/png", png)),
                401, "Unauthorized Access");
        // the endpoint takes videos, so its bodies may be larger; an image still has the image limit
        assertError(uploadMedia(alice, "image", new FilePart("file", "big.jpg", "image/jpeg", new byte[4 * 1024 * 1024])), 400,
                "The uploaded file is too large (at most 3 MB)");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, uploadMedia(alice, "image", new FilePart("file", "a.png", "image/png", png)).code());
        }
        assertError(uploadMedia(alice, "image", new FilePart("file", "a.png", "image/png", png)), 400,
                "You cannot attach more than 10 images to a post");
        assertError(api.postForm("delete_post_media", "session_id", alice.token(), "type", "gif"), 400,
                "Media file type is missing or invalid");
        assertEquals(10, publish(alice).data().getJsonArray("media").size(), "no text needed with media");
        assertError(api.postForm("delete_post_media", "session_id", alice.token(), "type", "image", "media_id", "1"), 500,
                "An error occurred while processing your request. Please try again later.");
    }

    @Test
    void videosAreCheckedGivenAPosterAndPublished() throws Exception {
        Path clip = Files.createTempFile("clip", ".mp4");
        try {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=duration=4:size=320x240:rate=25", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-metadata", "location=+48.8577+002.2950/", clip.toString()).inheritIO().start();
            assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0,
                    "the tests need ffmpeg (Debian package ffmpeg) to make a clip");
            byte[] video = Files.readAllBytes(clip);
            assertError(uploadMedia(alice, "video", new FilePart("file", "clip.mp4", "video/mp4",
                    TestImages.encode(TestImages.quadrants(20, 20), "jpg"))), 400, "Media file is missing or invalid");
            Reply upload = uploadMedia(alice, "video", new FilePart("file", "clip.mp4", "video/mp4", video));
            assertEnvelope(upload, 200, "Media file uploaded successfully");
            assertShape(upload.data(), shape("media_id", NUMBER, "type", STRING, "url", STRING, "source", STRING, "poster", STRING));
            assertEquals("Video", upload.data().getString("type"));
            byte[] stored = api.fetch(upload.data().getString("source"));
            assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("48.8577"), "no location left");
            BufferedImage poster = ImageIO.read(new ByteArrayInputStream(api.fetch(upload.data().getString("poster"))));
            assertEquals(320, poster.getWidth());
            assertError(uploadMedia(alice, "video", new FilePart("file", "clip.mp4", "video/mp4", video)), 400,
                    "You cannot attach more than 1 video to a post");
            assertError(uploadMedia(alice, "image", new FilePart("file", "a.png", "image/png",
                    TestImages.encode(TestImages.quadrants(20, 20), "png"))), 400, "You cannot attach images and a video to the same post");
            JsonObject post = publish(alice, "post_text", "watch").data();
            assertEquals("video", post.getString("type"));
            JsonObject item = post.getJsonArray("media").getJsonObject(0);
            assertTrue(item.getJsonObject("x").getString("poster_thumb").startsWith("upload/images/"));
            assertTrue(item.getString("src").startsWith("upload/videos/") && item.getString("src").endsWith(".mp4"));
        } finally {
            Files.deleteIfExists(clip);
        }
    }

    // ---- delete_post, pin_post ---------------------------------------------------------------

    @Test
    void deletingAPostTakesItsRepliesAndCorrectsEveryCounter() {
        String tag = "t" + alice.username();
        long post = publish(alice, "post_text", "root #" + tag).data().getInt("id");
        long reply = publish(bob, "post_text", "reply #" + tag, "thread_id", String.valueOf(post)).data().getInt("id");
        long deeper = publish(alice, "post_text", "deeper", "thread_id", String.valueOf(reply)).data().getInt("id");
        long other = publish(alice, "post_text", "other").data().getInt("id");
        assertEquals(2, Fixtures.number(api, "select posts from hashtags where tag_key = ?", tag));
        assertError(api.postForm("delete_post", "session_id", bob.token(), "post_id", String.valueOf(post)), 400,
                "Post id is missing or invalid");
        assertError(api.postForm("delete_post", "session_id", alice.token(), "post_id", "x"), 400, "Post id is missing or invalid");

        Wire.assertDone(api.postForm("delete_post", "session_id", alice.token(), "post_id", String.valueOf(deeper)),
                "Post deleted successfully");
        assertEquals(0, Fixtures.number(api, "select replys_count from posts where id = ?", reply));
        assertEquals(2, Fixtures.number(api, "select post_count from users where id = ?", alice.id()), "replies are not posts");

        Wire.assertDone(api.postForm("delete_post", "session_id", alice.token(), "post_id", String.valueOf(post)),
                "Post deleted successfully");
        assertEquals(0, Fixtures.number(api, "select count(*) from posts where id in (?, ?)", post, reply));
        assertEquals(1, Fixtures.number(api, "select post_count from users where id = ?", alice.id()));
        assertEquals(0, Fixtures.number(api, "select posts from hashtags where tag_key = ?", tag));
        assertError(api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(reply)), 400, Threads_BAD);
        assertEquals(List.of(other), profileIds(bob, alice, "posts"));
    }

    @Test
    void aPinnedPostComesFirstOnTheProfile() {
        long old = publish(alice, "post_text", "pin me").data().getInt("id");
        long newer = publish(alice, "post_text", "newer").data().getInt("id");
        long reply = publish(alice, "post_text", "a reply", "thread_id", String.valueOf(newer)).data().getInt("id");
        assertError(api.postForm("pin_post", "session_id", bob.token(), "post_id", String.valueOf(old)), 400,
                "Post ID is missing or invalid. Please check your details");
        assertError(api.postForm("pin_post", "session_id", alice.token(), "post_id", String.valueOf(reply)), 400,
                "Post ID is missing or invalid. Please check your details");
        Reply pinned = api.postForm("pin_post", "session_id", alice.token(), "post_id", String.valueOf(old));
        assertEnvelope(pinned, 200, "Post pinned to your profile");
        assertTrue(pinned.data().getBoolean("is_pinned"));
        JsonArray posts = api.get("profile_posts", "user_id", String.valueOf(alice.id())).data().getJsonArray("posts");
        assertEquals(List.of(old, newer), ids(posts));
        assertTrue(posts.getJsonObject(0).getBoolean("is_pinned"));
        assertFalse(posts.getJsonObject(1).getBoolean("is_pinned"));
        assertEquals("Post unpinned from your profile",
                api.postForm("pin_post", "session_id", alice.token(), "post_id", String.valueOf(old)).json().getString("message"));
        assertEquals(List.of(newer, old), profileIds(null, alice, "posts"));
    }

    // ---- feeds and profile tabs --------------------------------------------------------------

    @Test
    void theFeedPagesWithoutGapsOrRepeatsWhilePostsArrive() {
        follow(alice, bob);
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            expected.add((long) publish(i % 3 == 0 ? alice : bob, "post_text", "post " + i).data().getInt("id"));
        }
        publish(bob, "post_text", "a reply is not a feed entry", "thread_id", String.valueOf(expected.iterator().next()));
        List<Long> seen = new ArrayList<>();
        String offset = "";
        for (int page = 0; page < 10; page++) {
            Reply reply = api.get("feeds", "session_id", alice.token(), "page_size", "5", "offset", offset);
            if (reply.code() == 204) {
                assertError(reply, 204, "No data found");
                break;
            }
            assertEnvelope(reply, 200, "Feeds fetched successfully");
            JsonArray feeds = reply.data().getJsonArray("feeds");
            assertTrue(feeds.size() <= 5);
            feeds.forEach(item -> assertShape(item.asJsonObject(), POST));
            seen.addAll(ids(feeds));
            offset = String.valueOf(feeds.getJsonObject(feeds.size() - 1).getInt("offset_id"));
            publish(bob, "post_text", "arrives while paging " + page); // newer: on no later page
        }
        assertEquals(expected.size(), seen.size(), "no repeats: " + seen);
        assertEquals(expected, new HashSet<>(seen), "no gaps");
        assertError(api.get("feeds"), 401, "Unauthorized Access");
    }

    @Test
    void feedsAndProfileTabsHideWhatTheViewerMayNotSee() {
        Account carol = TestAccounts.create(api);
        long secret = publish(carol, "post_text", "followers only").data().getInt("id");
        Fixtures.sql(api, "update users set profile_privacy = 'followers' where id = ?", carol.id());
        assertError(api.get("profile_posts", "user_id", String.valueOf(carol.id())), 400,
                "This profile data is not available for viewing");
        assertError(api.get("thread_data", "session_id", bob.token(), "thread_id", String.valueOf(secret)), 400, Threads_BAD);
        follow(bob, carol);
        assertEquals(List.of(secret), profileIds(bob, carol, "posts"));
        assertTrue(feedIds(bob).contains(secret));
        Fixtures.sql(api, "insert into blocks (user_id, blocked_id, created_at) values (?, ?, 0)", bob.id(), carol.id());
        assertFalse(feedIds(bob).contains(secret), "blocked by the viewer: gone although the follow row stays");

        assertError(api.get("profile_posts", "user_id", "0"), 400, "User ID is missing or invalid");
        assertError(api.get("profile_posts", "user_id", "99999999"), 400, "User ID is missing or invalid");
        assertError(api.get("profile_posts", "user_id", String.valueOf(alice.id())), 204, "No data found");
    }

    @Test
    void aReaderFollowingThousandsGetsTheSameFeed() {
        // over 500 followed accounts: the feed reads everyone's newest entries instead (Timelines)
        String prefix = "b" + alice.id() + "x";
        StringBuilder users = new StringBuilder("insert into users (username, username_key, email, email_key, password_hash,"
                + " first_name, last_name, joined_at, last_active_at) values ");
        for (int i = 0; i < 501; i++) {
            users.append(i == 0 ? "" : ",").append("('").append(prefix).append(i).append("','").append(prefix).append(i)
                    .append("','").append(prefix).append(i).append("@example.com','").append(prefix).append(i)
                    .append("@example.com','x','Bulk','User',0,0)");
        }
        Fixtures.sql(api, users.toString());
        Fixtures.sql(api, "insert into follows (follower_id, following_id, status, created_at)"
                + " select ?, id, 'active', 0 from users where username like ?", alice.id(), prefix + "%");
        Account carol = TestAccounts.create(api);
        follow(alice, bob);
        follow(alice, carol);
        long mine = publish(alice, "post_text", "mine").data().getInt("id");
        long bobs = publish(bob, "post_text", "bob's").data().getInt("id");
        long carols = publish(carol, "post_text", "carol's").data().getInt("id");
        publish(TestAccounts.create(api), "post_text", "a stranger's");
        assertEquals(List.of(carols, bobs, mine), feedIds(alice));
        Fixtures.sql(api, "insert into blocks (user_id, blocked_id, created_at) values (?, ?, 0)", carol.id(), alice.id());
        assertEquals(List.of(bobs, mine), feedIds(alice), "blocked by carol: her posts go");
        Reply page = api.get("feeds", "session_id", alice.token(), "page_size", "1", "offset", String.valueOf(
                api.get("feeds", "session_id", alice.token(), "page_size", "1").data().getJsonArray("feeds").getJsonObject(0).getInt("offset_id")));
        assertEquals(List.of(mine), ids(page.data().getJsonArray("feeds")));
    }

    @Test
    void theMediaAndLikedTabs() {
        long text = publish(alice, "post_text", "words").data().getInt("id");
        long gif = publish(alice, "gif_src", "https://media.giphy.com/x.gif").data().getInt("id");
        assertEquals(List.of(gif), profileIds(bob, alice, "media"));
        assertEquals(List.of(gif, text), profileIds(bob, alice, "posts"));
        assertEquals(List.of(gif, text), profileIds(bob, alice, "anything else is posts"));
        Fixtures.sql(api, "insert into post_likes (user_id, post_id, created_at) values (?, ?, 0)", bob.id(), text);
        Fixtures.sql(api, "insert into post_likes (user_id, post_id, created_at) values (?, ?, 0)", bob.id(), gif);
        for (String type : List.of("likes", "liked")) {
            JsonArray liked = api.get("profile_posts", "user_id", String.valueOf(bob.id()), "type", type).data().getJsonArray("posts");
            assertEquals(List.of(gif, text), ids(liked));
            assertEquals(Fixtures.number(api, "select id from post_likes where user_id = ? and post_id = ?", bob.id(), gif),
                    liked.getJsonObject(0).getInt("offset_id"), "pages by like id");
        }
    }

    @Test
    void countersStayEqualToTheirRowsUnderConcurrentPublishingAndDeleting() throws Exception {
        long root = publish(alice, "post_text", "busy thread").data().getInt("id");
        List<Account> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(TestAccounts.create(api));
        }
        List<Integer> codes = Concurrently.call(24, i -> {
            Account user = users.get(i % users.size());
            Reply reply = publish(user, "post_text", "reply " + i + " #busy" + alice.id(), "thread_id", String.valueOf(root));
            if (i % 2 == 0 && reply.code() == 200) {
                return api.postForm("delete_post", "session_id", user.token(), "post_id", String.valueOf(reply.data().getInt("id"))).code();
            }
            Reply own = publish(user, "post_text", "own " + i);
            return reply.code() == 200 ? own.code() : reply.code();
        });
        assertTrue(codes.stream().allMatch(code -> code == 200), codes.toString());
        assertEquals(Fixtures.number(api, "select count(*) from posts where thread_id = ?", root),
                Fixtures.number(api, "select replys_count from posts where id = ?", root));
        assertEquals(12, Fixtures.number(api, "select replys_count from posts where id = ?", root));
        for (Account user : users) {
            assertEquals(Fixtures.number(api, "select count(*) from posts where user_id = ? and thread_id = 0", user.id()),
                    Fixtures.number(api, "select post_count from users where id = ?", user.id()));
        }
        assertEquals(Fixtures.number(api, "select count(*) from post_hashtags h join hashtags t on t.id = h.hashtag_id where t.tag_key = ?",
                "busy" + alice.id()), Fixtures.number(api, "select posts from hashtags where tag_key = ?", "busy" + alice.id()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Reply publish(Account author, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "session_id";
        all[1] = author.token();
        System.arraycopy(fields, 0, all, 2, fields.length);
        return api.postForm("publish_post", all);
    }

    private Reply reply(Account author, long postId) {
        return publish(author, "post_text", "a reply", "thread_id", String.valueOf(postId));
    }

    private Reply uploadMedia(Account user, String type, FilePart... files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", user.token());
        fields.put("type", type);
        return api.postMultipart("upload_post_media", fields, files);
    }

    private void follow(Account follower, Account followed) {
        Fixtures.sql(api, "insert into follows (follower_id, following_id, status, created_at) values (?, ?, 'active', 0)",
                follower.id(), followed.id());
    }

    private List<Long> feedIds(Account viewer) {
        Reply reply = api.get("feeds", "session_id", viewer.token(), "page_size", "50");
        return reply.code() == 204 ? List.of() : ids(reply.data().getJsonArray("feeds"));
    }

    private List<Long> profileIds(Account viewer, Account owner, String type) {
        Reply reply = viewer == null
                ? api.get("profile_posts", "user_id", String.valueOf(owner.id()), "type", type)
                : api.get("profile_posts", "session_id", viewer.token(), "user_id", String.valueOf(owner.id()), "type", type);
        if (reply.code() == 204) {
            return List.of();
        }
        assertEnvelope(reply, 200, "Posts fetched successfully");
        return ids(reply.data().getJsonArray("posts"));
    }

    private static List<Long> ids(JsonArray posts) {
        return posts.stream().map(post -> post.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
