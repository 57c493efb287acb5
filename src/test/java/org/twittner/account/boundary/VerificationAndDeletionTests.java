package org.twittner.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.assertDone;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Ffmpeg;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.TestImages;
import org.twittner.testing.Wire;

/**
 * verify_user and delete_account over HTTP (issue 10), as the apps call them. Implemented by
 * ProfileApiIT, which supplies the client of the shared deployment. The videos are made with
 * ffmpeg (the tests need the Debian package ffmpeg); files are checked in the media folder
 * ({@code twittner.it.media}), rows with the Fixtures servlet.
 */
public interface VerificationAndDeletionTests {

    ApiClient api();

    String UNAUTHORIZED = "Unauthorized Access";
    String ALREADY_VERIFIED = "Your account has already been verified";
    String DUPLICATE_REQUEST = "Error Duplicate request. Please wait until the end of the review of the previous request";
    String BAD_FULL_NAME = "Invalid user full name. Please check your details";
    String BAD_TEXT_MESSAGE = "Text message to the reviewer is incorrect or missing";
    String BAD_VIDEO_MESSAGE = "Video message to the reviewer is incorrect or missing";
    String VERIFICATION_SENT = "Verification request sent successfully";
    String BAD_ACCOUNT_PASSWORD = "Account password is missing or invalid";
    String ACCOUNT_DELETED = "Account deleted successfully";

    /** The columns that name a user, in every table (spec: delete_account). */
    List<String> USER_COLUMNS = List.of("user_id", "follower_id", "following_id", "blocked_id", "reported_id", "viewer_id",
            "author_id", "recipient_id", "notifier_id", "owner_id", "other_id", "sender_id", "low_id", "high_id");

    // ---- verify_user ----------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void verifyUserNeedsASession() throws Exception {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        byte[] clip = mp4Clip();
        assertError(verify(api, null, "Jane Public", "Please verify me", mp4(clip)), 401, UNAUTHORIZED);
        assertError(verify(api, "0".repeat(64), "Jane Public", "Please verify me", mp4(clip)), 401, UNAUTHORIZED);
        assertError(verify(api, "not-a-token", "Jane Public", "Please verify me", mp4(clip)), 401, UNAUTHORIZED);
        assertNothingRequested(api, user);
    }

    @Test
    @RunAsClient
    default void verifyUserRefusesEachProblemInTheDocumentedOrder() throws Exception {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        byte[] clip = mp4Clip();
        String name = "Jane Public";
        String text = "Please verify my account";

        // an account already verified: before anything else, even a request that is wrong in every field
        Fixtures.sql(api, "UPDATE users SET verified = 1 WHERE id = ?", user.id());
        assertError(verify(api, user.token(), name, text, mp4(clip)), 400, ALREADY_VERIFIED);
        assertError(verify(api, user.token(), "x", ""), 400, ALREADY_VERIFIED);
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM verification_requests WHERE user_id = ?", user.id()));
        assertEquals(1, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()), "left as it was");

        // a request waiting for review: next
        Fixtures.sql(api, "UPDATE users SET verified = 2 WHERE id = ?", user.id());
        assertError(verify(api, user.token(), name, text, mp4(clip)), 400, DUPLICATE_REQUEST);
        assertError(verify(api, user.token(), "x", ""), 400, DUPLICATE_REQUEST);
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM verification_requests WHERE user_id = ?", user.id()));
        assertEquals(2, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()));

        Fixtures.sql(api, "UPDATE users SET verified = 0 WHERE id = ?", user.id());
        // the full name: 3 to 60 characters, checked before the text and the video
        for (String badName : List.of("", "ab", "J".repeat(61))) {
            assertError(verify(api, user.token(), badName, "", new FilePart("video_message", "a.mp4", "video/mp4", new byte[0])),
                    400, BAD_FULL_NAME);
            assertError(verify(api, user.token(), badName, text, mp4(clip)), 400, BAD_FULL_NAME);
        }
        assertError(verify(api, user.token(), null, text, mp4(clip)), 400, BAD_FULL_NAME);

        // the text: 1 to 1200 characters, checked before the video
        for (String badText : List.of("", "t".repeat(1201))) {
            assertError(verify(api, user.token(), name, badText), 400, BAD_TEXT_MESSAGE);
            assertError(verify(api, user.token(), name, badText, mp4(clip)), 400, BAD_TEXT_MESSAGE);
        }
        assertError(verify(api, user.token(), name, null, mp4(clip)), 400, BAD_TEXT_MESSAGE);

        // the video: a file part video_message holding a real video of an accepted type
        assertError(verify(api, user.token(), name, text), 400, BAD_VIDEO_MESSAGE);
        assertError(verify(api, user.token(), name, text, new FilePart("file", "appeal.mp4", "video/mp4", clip)), 400,
                BAD_VIDEO_MESSAGE);
        Map<String, String> asText = fields(user.token(), name, text);
        asText.put("video_message", "appeal.mp4");
        assertError(api.postMultipart("verify_user", asText), 400, BAD_VIDEO_MESSAGE);
        assertError(verify(api, user.token(), name, text, new FilePart("video_message", "appeal.mp4", "video/mp4", new byte[0])),
                400, BAD_VIDEO_MESSAGE);
        assertError(verify(api, user.token(), name, text, new FilePart("video_message", "appeal.mp4", "video/mp4",
                "this is no video at all, only text".getBytes(StandardCharsets.UTF_8))), 400, BAD_VIDEO_MESSAGE);
        assertError(verify(api, user.token(), name, text, new FilePart("video_message", "appeal.mp4", "video/mp4",
                TestImages.encode(TestImages.quadrants(160, 120), "png"))), 400, BAD_VIDEO_MESSAGE);
        assertError(verify(api, user.token(), name, text, new FilePart("video_message", "appeal.avi", "video/x-msvideo",
                aviClip())), 400, BAD_VIDEO_MESSAGE);

        assertNothingRequested(api, user);
        assertNoTemporaryFilesLeft();
    }

    @Test
    @RunAsClient
    default void verifyUserStoresTheRequestWithItsVideoAndPosterAndMarksTheAccountPending() throws Exception {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        Account other = TestAccounts.create(api);
        String fullName = ("Jane Mary Public " + "A".repeat(60)).substring(0, 60);
        String text = ("Please verify my account, this really is me. ".repeat(30)).substring(0, 1199) + "!";

        Reply reply = verify(api, user.token(), fullName, text, mp4(mp4Clip()));
        assertVerificationSent(reply);

        assertEquals(2, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()), "request pending");
        assertEquals(0, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", other.id()), "nobody else's");
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM verification_requests WHERE user_id = ?", user.id()));
        assertEquals(List.of(fullName), Fixtures.sql(api, "SELECT full_name FROM verification_requests WHERE user_id = ?", user.id()));
        assertEquals(List.of(text), Fixtures.sql(api, "SELECT text FROM verification_requests WHERE user_id = ?", user.id()));
        String video = Fixtures.sql(api, "SELECT video FROM verification_requests WHERE user_id = ?", user.id()).get(0);
        String poster = Fixtures.sql(api, "SELECT poster FROM verification_requests WHERE user_id = ?", user.id()).get(0);
        assertFalse(video.isEmpty() || poster.isEmpty() || video.equals(poster), video + " / " + poster);
        Path videoFile = mediaFile(video);
        Path posterFile = mediaFile(poster);
        assertTrue(Files.isRegularFile(videoFile) && Files.size(videoFile) > 0, "the video is stored: " + videoFile);
        assertTrue(Files.isRegularFile(posterFile) && Files.size(posterFile) > 0, "the poster is stored: " + posterFile);
        assertEquals("video", Ffmpeg.run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_type",
                "-of", "default=noprint_wrappers=1:nokey=1", videoFile.toString()).strip(), "a playable video");
        assertNotNull(ImageIO.read(posterFile.toFile()), "the poster is a picture");

        // now pending: a second request is a duplicate, and nothing is added
        assertError(verify(api, user.token(), fullName, text, mp4(mp4Clip())), 400, DUPLICATE_REQUEST);
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM verification_requests WHERE user_id = ?", user.id()));
        assertEquals(2, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()));
        assertNoTemporaryFilesLeft();
    }

    @Test
    @RunAsClient
    default void verifyUserAcceptsTheShortestNameAndTextAndAMovFile() throws Exception {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        assertVerificationSent(verify(api, user.token(), "Ann", "k",
                new FilePart("video_message", "appeal.mov", "video/quicktime", mp4Clip())));
        assertEquals(2, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()));
        assertEquals(List.of("Ann"), Fixtures.sql(api, "SELECT full_name FROM verification_requests WHERE user_id = ?", user.id()));
        assertTrue(Files.isRegularFile(mediaFile(
                Fixtures.sql(api, "SELECT video FROM verification_requests WHERE user_id = ?", user.id()).get(0))));
    }

    // ---- delete_account -------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void deleteAccountNeedsASession() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        assertError(api.postForm("delete_account", "password", TestAccounts.PASSWORD), 401, UNAUTHORIZED);
        assertError(api.postForm("delete_account", "session_id", "0".repeat(64), "password", TestAccounts.PASSWORD), 401,
                UNAUTHORIZED);
        assertError(api.postForm("delete_account", "session_id", "not-a-token", "password", TestAccounts.PASSWORD), 401,
                UNAUTHORIZED);
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM users WHERE id = ?", user.id()));
        assertEquals(200, api.postForm("login", "email", user.email(), "password", TestAccounts.PASSWORD).code());
    }

    @Test
    @RunAsClient
    default void deleteAccountWithAMissingOrWrongPasswordDeletesNothing() throws Exception {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        Account friend = TestAccounts.create(api);
        assertEnvelope(api.postMultipart("avatar", Map.of("session_id", user.token()),
                new FilePart("avatar", "me.png", "image/png", png(300, 200))), 200, "Avatar changed successfully");
        draftPostImage(api, user);
        long post = publish(api, user, "post_text", "my photo #keep" + user.id());
        assertEquals(200, follow(api, friend, user).code());
        assertEquals(200, follow(api, user, friend).code());
        assertEquals(200, like(api, friend, post).code());
        assertDone(api.postForm("save_pnotif_token", "session_id", user.token(), "token", pushToken(), "type", "android"),
                "Notification token saved");

        Map<String, Long> rowsBefore = rowsNaming(api, user.id());
        List<String> files = mediaPathsOf(api, user.id());
        assertEquals(3, files.size(), "the avatar and the post's image and thumbnail: " + files);
        assertAllExist(files);

        assertError(api.postForm("delete_account", "session_id", user.token()), 400, BAD_ACCOUNT_PASSWORD);
        for (String wrong : List.of("", "wrong-password", TestAccounts.PASSWORD.toUpperCase(Locale.ROOT),
                TestAccounts.PASSWORD + "x", TestAccounts.PASSWORD.substring(1))) {
            assertError(api.postForm("delete_account", "session_id", user.token(), "password", wrong), 400, BAD_ACCOUNT_PASSWORD);
        }
        assertError(api.postMultipart("delete_account", "session_id", user.token(), "password", "wrong-password"), 400,
                BAD_ACCOUNT_PASSWORD);

        assertEquals(rowsBefore, rowsNaming(api, user.id()), "no row changed");
        assertEquals(1, rowsBefore.get("users.id"));
        assertAllExist(files);
        assertEquals(200, api.get("get_priv_settings", "session_id", user.token()).code(), "the session goes on");
        assertEquals(200, api.postForm("login", "email", user.email(), "password", TestAccounts.PASSWORD).code());
        assertEquals(200, api.get("profile", "user_id", String.valueOf(user.id())).code());
        assertEquals(1, Fixtures.number(api, "SELECT follower_count FROM users WHERE id = ?", friend.id()));
        assertEquals(1, Fixtures.number(api, "SELECT following_count FROM users WHERE id = ?", friend.id()));
        assertEquals(1, Fixtures.number(api, "SELECT likes_count FROM posts WHERE id = ?", post));
        assertEquals(1, Fixtures.number(api, "SELECT post_count FROM users WHERE id = ?", user.id()));
    }

    /**
     * The deleted user D leaves rows in every component and is named by other users' rows;
     * afterwards none remains, D's files are gone, other users' files and rows stay, and every
     * counter that counted D's rows counts again what is left.
     */
    @Test
    @RunAsClient
    default void deleteAccountRemovesEveryTraceOfTheUserAndLeavesOtherCountersTrue() throws Exception {
        ApiClient api = api();
        Account d = TestAccounts.create(api);
        Account friend = TestAccounts.create(api);   // follows D and is followed by D; posts, a poll, a swift
        Account fan = TestAccounts.create(api);      // likes, reposts, replies, votes, reports; asks to follow D
        Account approver = TestAccounts.create(api); // approves followers: D's request stays pending
        Account blocked = TestAccounts.create(api);  // blocked by D
        Account blocker = TestAccounts.create(api);  // blocks D
        List<Account> others = List.of(friend, fan, approver, blocked, blocker);
        String gone = "gone" + d.id();
        String kept = "kept" + d.id();
        List<String> tags = List.of(gone, kept);

        // a second device of D
        Reply secondLogin = api.postForm("login", "email", d.email(), "password", TestAccounts.PASSWORD, "device_type", "ios");
        assertEquals(200, secondLogin.code(), secondLogin.toString());
        String secondToken = secondLogin.json().getJsonObject("auth").getString("auth_token");

        // profile pictures
        assertEnvelope(api.postMultipart("avatar", Map.of("session_id", d.token()),
                new FilePart("avatar", "me.png", "image/png", png(300, 200))), 200, "Avatar changed successfully");
        assertEnvelope(api.postMultipart("cover", Map.of("session_id", d.token()), new FilePart("cover", "cover.png", "image/png",
                TestImages.encode(TestImages.bands(1200, 1800, 150), "png"))), 200, "Profile cover changed successfully");

        // follows both ways, pending requests both ways, blocks both ways
        assertEquals(200, follow(api, friend, d).code());
        assertEquals(200, follow(api, d, friend).code());
        assertEquals(200, follow(api, d, fan).code()); // D follows two: their counts are lowered together
        requireApproval(api, approver);
        assertEnvelope(follow(api, d, approver), 201, "Subscription request sent successfully");
        requireApproval(api, d);
        assertEnvelope(follow(api, fan, d), 201, "Subscription request sent successfully");
        assertDone(block(api, d, blocked), "User profile blocked successfully");
        assertDone(block(api, blocker, d), "User profile blocked successfully");

        // posts: other users' first, then D's (an image post, a poll, a reply), then an unpublished image
        draftPostImage(api, friend);
        long friendPhoto = publish(api, friend, "post_text", "my photo #" + kept);
        long friendPoll = publish(api, friend, "post_text", "Tea or coffee?",
                "poll_data", "[{\"value\":\"Tea\"},{\"value\":\"Coffee\"}]");
        draftPostImage(api, d);
        long dPhoto = publish(api, d, "post_text", "#" + gone + " #" + kept + " hello @" + friend.username());
        long dPoll = publish(api, d, "post_text", "#" + gone + " Which one?",
                "poll_data", "[{\"value\":\"Left\"},{\"value\":\"Right\"}]");
        long dReply = publish(api, d, "post_text", "nice photo", "thread_id", String.valueOf(friendPhoto));
        long friendAnswer = publish(api, friend, "post_text", "thanks", "thread_id", String.valueOf(dReply));
        long fanReply = publish(api, fan, "post_text", "a reply under D's post", "thread_id", String.valueOf(dPhoto));
        long fanMention = publish(api, fan, "post_text", "hello @" + d.username());
        draftPostImage(api, d);
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM post_media WHERE user_id = ? AND post_id IS NULL", d.id()),
                "D's draft image is not published");
        List<String> friendFiles = postMediaPathsOf(api, friend.id());
        assertEquals(2, friendFiles.size(), friendFiles.toString());

        // engagement both ways
        assertEquals(200, like(api, d, friendPhoto).code());
        assertEquals(200, like(api, friend, dPhoto).code());
        assertEquals(200, like(api, fan, dPoll).code());
        assertEquals(200, act(api, "publication_repost", d, friendPhoto).code());
        assertEquals(200, act(api, "publication_repost", fan, dPhoto).code());
        assertEquals(200, act(api, "add_bookmark", d, friendPhoto).code());
        assertEquals(200, act(api, "add_bookmark", friend, dPhoto).code());
        assertEnvelope(act(api, "vote_polls", d, friendPoll, "poll_id", "1"), 200, "Poll voted successfully");
        assertEnvelope(act(api, "vote_polls", fan, dPoll, "poll_id", "0"), 200, "Poll voted successfully");
        assertDone(act(api, "publication_report", d, friendPoll, "reason", "1", "comment", "spam"), "Report sent successfully");
        assertDone(act(api, "publication_report", fan, dPoll, "reason", "2"), "Report sent successfully");
        assertDone(api.postForm("profile_report", "session_id", d.token(), "user_id", String.valueOf(fan.id()), "reason", "1"),
                "Report sent successfully");
        assertDone(api.postForm("profile_report", "session_id", friend.token(), "user_id", String.valueOf(d.id()), "reason", "4",
                "comment", "a fake account"), "Report sent successfully");

        // a verification request with its video, push tokens of both devices, a reset link
        assertVerificationSent(verify(api, d.token(), "Dee Deleted", "Please verify me", mp4(mp4Clip())));
        assertDone(api.postForm("save_pnotif_token", "session_id", d.token(), "token", pushToken(), "type", "android"),
                "Notification token saved");
        assertDone(api.postForm("save_pnotif_token", "session_id", secondToken, "token", pushToken(), "type", "ios"),
                "Notification token saved");
        long now = System.currentTimeMillis() / 1000;
        Fixtures.sql(api, "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                d.id(), hex64(), now, now + 3600);

        // messages both ways, one an image each way (chats and files), and a message between two others
        assertEquals(200, api.postForm("send_message", "session_id", d.token(), "user_id", String.valueOf(friend.id()),
                "type", "text", "message", "hi friend").code());
        assertEquals(200, api.postMultipart("send_message", Map.of("session_id", d.token(), "user_id", String.valueOf(friend.id()),
                "type", "media"), new FilePart("image", "me.png", "image/png", png(200, 100))).code());
        assertEquals(200, api.postMultipart("send_message", Map.of("session_id", friend.token(), "user_id", String.valueOf(d.id()),
                "type", "media"), new FilePart("image", "you.png", "image/png", png(120, 100))).code());
        assertEquals(200, api.postForm("send_message", "session_id", friend.token(), "user_id", String.valueOf(fan.id()),
                "type", "text", "message", "not about D").code());

        // swifts last (the test servers' swifts live 20 s): D watches friend's, friend watches D's, D has a draft
        String friendSwid = swift(api, friend);
        assertDone(view(api, d, friend, friendSwid), "Swift view registered successfully");
        String dSwid = swift(api, d);
        assertDone(view(api, friend, d, dSwid), "Swift view registered successfully");
        uploadSwiftImage(api, d);

        // ---- before: D is everywhere, and the counters are right ----
        Map<String, Long> before = rowsNaming(api, d.id());
        for (String column : List.of("users.id", "sessions.user_id", "push_tokens.user_id", "password_resets.user_id",
                "verification_requests.user_id", "posts.user_id", "post_media.user_id", "timeline.user_id", "timeline.author_id",
                "post_mentions.user_id", "post_likes.user_id", "post_reposts.user_id", "bookmarks.user_id", "poll_votes.user_id",
                "post_reports.user_id", "post_reports.author_id", "profile_reports.user_id", "profile_reports.reported_id",
                "follows.follower_id", "follows.following_id", "blocks.user_id", "blocks.blocked_id", "swifts.user_id",
                "swift_drafts.user_id", "swift_views.viewer_id", "notifications.recipient_id", "notifications.notifier_id",
                "chats.owner_id", "chats.other_id", "messages.sender_id", "messages.recipient_id")) {
            assertTrue(before.getOrDefault(column, 0L) > 0, "the set-up left no row in " + column + ": " + before);
        }
        assertTrue(before.get("sessions.user_id") >= 2, "two devices: " + before); // sign-up opens one too
        assertEquals(2, before.get("push_tokens.user_id"));
        assertEquals(1, Fixtures.number(api, "SELECT follower_count FROM users WHERE id = ?", friend.id()));
        assertEquals(1, Fixtures.number(api, "SELECT following_count FROM users WHERE id = ?", friend.id()));
        assertEquals(1, Fixtures.number(api, "SELECT likes_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(1, Fixtures.number(api, "SELECT reposts_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(1, Fixtures.number(api, "SELECT replys_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(1, Fixtures.number(api, "SELECT votes FROM poll_options WHERE post_id = ? AND position = 1", friendPoll));
        assertEquals(2, Fixtures.number(api, "SELECT posts FROM hashtags WHERE tag_key = ?", kept));
        assertEquals(2, Fixtures.number(api, "SELECT posts FROM hashtags WHERE tag_key = ?", gone));
        assertEquals(List.of("1"), Fixtures.sql(api, "SELECT view_count FROM swifts WHERE swid = ?", friendSwid));
        assertCountersMatchRows(api, others, tags, "before the deletion");
        String searchRankedByOneFollower =
                "SELECT COUNT(DISTINCT user_id) FROM user_search_terms WHERE user_id IN (?, ?) AND followers = 1";
        assertEquals(2, Fixtures.number(api, searchRankedByOneFollower, friend.id(), fan.id()),
                "search ranks friend and fan by their one follower, D");

        assertTrue(Fixtures.sql(api, "SELECT avatar FROM users WHERE id = ?", d.id()).get(0).startsWith("upload/avatars/"));
        assertFalse(Fixtures.sql(api, "SELECT cover FROM users WHERE id = ?", d.id()).get(0).isEmpty());
        assertFalse(Fixtures.sql(api, "SELECT cover_orig FROM users WHERE id = ?", d.id()).get(0).isEmpty());
        List<String> files = mediaPathsOf(api, d.id());
        // avatar, cover, cover_orig, 2 x (image, thumbnail), swift, swift draft, video, poster, 2 message images
        assertTrue(files.size() >= 13, "D's files: " + files);
        assertAllExist(files);
        List<Long> removedPosts = List.of(dPhoto, dPoll, dReply, friendAnswer, fanReply);

        // ---- the deletion ----
        assertDone(api.postForm("delete_account", "session_id", d.token(), "password", TestAccounts.PASSWORD), ACCOUNT_DELETED);

        // signed out everywhere, unknown everywhere
        assertError(api.postForm("login", "email", d.email(), "password", TestAccounts.PASSWORD), 402, "Incorrect Credentials");
        assertError(api.get("get_priv_settings", "session_id", d.token()), 401, UNAUTHORIZED);
        assertError(api.get("get_priv_settings", "session_id", secondToken), 401, UNAUTHORIZED);
        assertError(api.postForm("delete_account", "session_id", d.token(), "password", TestAccounts.PASSWORD), 401, UNAUTHORIZED);
        assertError(api.postForm("refresh_access_token", "refresh_token", d.refreshToken()), 400,
                "Invalid token value or user account disabled");
        assertError(api.get("profile", "user_id", String.valueOf(d.id())), 404, "Profile with this ID does not exist");
        assertError(api.get("profile", "username", d.username()), 404, "Profile with this ID does not exist");

        // no row of any table names D
        Map<String, Long> left = new TreeMap<>(rowsNaming(api, d.id()));
        left.values().removeIf(count -> count == 0);
        assertEquals(Map.of(), left, "rows still naming the deleted user");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM posts WHERE id IN (?, ?, ?, ?, ?)", removedPosts.toArray()),
                "D's posts and the replies under them are gone");
        assertEquals(3, Fixtures.number(api, "SELECT COUNT(*) FROM posts WHERE id IN (?, ?, ?)", friendPhoto, friendPoll, fanMention),
                "other users' own posts stay");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM post_mentions WHERE post_id = ?", fanMention),
                "the mention of D is gone with D");
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM messages WHERE sender_id = ? AND recipient_id = ?",
                friend.id(), fan.id()), "other people's conversations stay");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM push_outbox o WHERE NOT EXISTS"
                + " (SELECT 1 FROM push_tokens t WHERE t.session_id = o.session_id)"), "no push waits for a device that is gone");

        // D's files go after the commit; other users' files stay
        assertEquals(List.of(), awaitGone(files), "files of the deleted user still in the media folder");
        assertAllExist(friendFiles);

        // every counter counts what is left
        assertCountersMatchRows(api, others, tags, "after the deletion");
        assertEquals(0, Fixtures.number(api, "SELECT follower_count FROM users WHERE id = ?", friend.id()));
        assertEquals(0, Fixtures.number(api, "SELECT following_count FROM users WHERE id = ?", friend.id()));
        assertEquals(2, Fixtures.number(api, "SELECT post_count FROM users WHERE id = ?", friend.id()));
        assertEquals(0, Fixtures.number(api, "SELECT likes_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(0, Fixtures.number(api, "SELECT reposts_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(0, Fixtures.number(api, "SELECT replys_count FROM posts WHERE id = ?", friendPhoto));
        assertEquals(0, Fixtures.number(api, "SELECT votes FROM poll_options WHERE post_id = ? AND position = 1", friendPoll));
        assertEquals(1, Fixtures.number(api, "SELECT posts FROM hashtags WHERE tag_key = ?", kept));
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM hashtags WHERE tag_key = ? AND posts <> 0", gone));
        assertTrue(Fixtures.sql(api, "SELECT view_count FROM swifts WHERE swid = ?", friendSwid).stream().allMatch("0"::equals),
                "friend's swift is no longer counted as watched by D");
        assertEquals(1, Fixtures.number(api, "SELECT post_count FROM users WHERE id = ?", fan.id()));
        assertEquals(0, Fixtures.number(api, "SELECT follower_count FROM users WHERE id = ?", approver.id()));
        assertEquals(0, Fixtures.number(api, "SELECT follower_count FROM users WHERE id = ?", fan.id()));
        assertEquals(0, Fixtures.number(api, searchRankedByOneFollower, friend.id(), fan.id()),
                "search ranks them by what is left");

        // the name and the address are free again
        Reply signup = api.postForm("signup", "first_name", "Test", "last_name", "User", "username", d.username(),
                "email", d.email(), "password", TestAccounts.PASSWORD);
        assertEquals(200, signup.code(), signup.toString());
        Reply login = api.postForm("login", "email", d.email(), "password", TestAccounts.PASSWORD);
        assertEquals(200, login.code(), login.toString());
        long newId = login.data().getJsonObject("user").getJsonNumber("user_id").longValue();
        assertNotEquals(d.id(), newId, "a new account");
        // it inherits nothing: it is named where any new account is, and no more
        Map<String, Long> fresh = new TreeMap<>(rowsNaming(api, newId));
        fresh.values().removeIf(count -> count == 0);
        Map<String, Long> brandNew = new TreeMap<>(rowsNaming(api, TestAccounts.create(api).id()));
        brandNew.values().removeIf(count -> count == 0);
        assertEquals(brandNew.keySet(), fresh.keySet(), "rows naming the new account with D's name: " + fresh);
        assertEquals(0, Fixtures.number(api, "SELECT follower_count + following_count + post_count + verified FROM users WHERE id = ?",
                newId));
    }

    // ---- helpers: verify_user -------------------------------------------------------------------

    private static Map<String, String> fields(String token, String fullName, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (token != null) {
            fields.put("session_id", token);
        }
        if (fullName != null) {
            fields.put("full_name", fullName);
        }
        if (text != null) {
            fields.put("text_message", text);
        }
        return fields;
    }

    private static Reply verify(ApiClient api, String token, String fullName, String text, FilePart... files) {
        return api.postMultipart("verify_user", fields(token, fullName, text), files);
    }

    private static FilePart mp4(byte[] clip) {
        return new FilePart("video_message", "video appeal.mp4", "video/mp4", clip);
    }

    /** Exactly {"code": 200, "message": ...}: the documented success has no data key. */
    private static void assertVerificationSent(Reply reply) {
        assertEquals(Set.of("code", "message"), reply.json().keySet(), reply.toString());
        assertEquals(Wire.Type.NUMBER, Wire.typeOf(reply.json().get("code")), reply.toString());
        assertEquals(200, reply.code(), reply.toString());
        assertEquals(Wire.Type.STRING, Wire.typeOf(reply.json().get("message")), reply.toString());
        assertEquals(VERIFICATION_SENT, reply.json().getString("message"));
    }

    private static void assertNothingRequested(ApiClient api, Account user) {
        assertEquals(0, Fixtures.number(api, "SELECT verified FROM users WHERE id = ?", user.id()));
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM verification_requests WHERE user_id = ?", user.id()));
    }

    /** A 2 s H.264 clip in an MP4 container. */
    private static byte[] mp4Clip() throws Exception {
        return video("mp4", "-c:v", "libx264", "-pix_fmt", "yuv420p");
    }

    /** A real video, but an AVI: not one of the accepted types. */
    private static byte[] aviClip() throws Exception {
        return video("avi", "-c:v", "mpeg4");
    }

    private static byte[] video(String extension, String... encoder) throws Exception {
        Path file = Files.createTempFile("appeal", "." + extension);
        try {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc=duration=2:size=160x120:rate=10"));
            command.addAll(List.of(encoder));
            command.add(file.toString());
            Ffmpeg.run(command.toArray(String[]::new));
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---- helpers: media files -------------------------------------------------------------------

    private static Path mediaDir() {
        return Path.of(System.getProperty("twittner.it.media", "target/it-media"));
    }

    /** A stored media path ({@code upload/avatars/...}, or relative to the media folder) as a file. */
    private static Path mediaFile(String stored) {
        String relative = stored.startsWith("upload/") ? stored.substring("upload/".length()) : stored;
        return mediaDir().resolve(relative);
    }

    /** Every file the user's rows name (spec: delete_account), collected by SQL; shared defaults left out. */
    private static List<String> mediaPathsOf(ApiClient api, long userId) {
        List<String> paths = new ArrayList<>();
        for (String sql : List.of("SELECT avatar FROM users WHERE id = ?", "SELECT cover FROM users WHERE id = ?",
                "SELECT cover_orig FROM users WHERE id = ?",
                "SELECT src FROM post_media WHERE user_id = ? AND type <> 'gif'",
                "SELECT thumb FROM post_media WHERE user_id = ? AND type <> 'gif'",
                "SELECT src FROM swifts WHERE user_id = ?", "SELECT poster FROM swifts WHERE user_id = ?",
                "SELECT src FROM swift_drafts WHERE user_id = ?", "SELECT poster FROM swift_drafts WHERE user_id = ?",
                "SELECT video FROM verification_requests WHERE user_id = ?",
                "SELECT poster FROM verification_requests WHERE user_id = ?",
                "SELECT media_file FROM messages WHERE sender_id = ?", "SELECT media_file FROM messages WHERE recipient_id = ?")) {
            paths.addAll(realPaths(Fixtures.sql(api, sql, userId)));
        }
        return paths;
    }

    private static List<String> postMediaPathsOf(ApiClient api, long userId) {
        List<String> paths = new ArrayList<>(realPaths(Fixtures.sql(api,
                "SELECT src FROM post_media WHERE user_id = ? AND type <> 'gif'", userId)));
        paths.addAll(realPaths(Fixtures.sql(api, "SELECT thumb FROM post_media WHERE user_id = ? AND type <> 'gif'", userId)));
        return paths;
    }

    private static List<String> realPaths(List<String> values) {
        return values.stream().filter(path -> !path.isEmpty() && !"null".equals(path) && !path.startsWith("upload/default/"))
                .toList();
    }

    private static void assertAllExist(List<String> paths) {
        List<String> missing = paths.stream().filter(path -> !Files.isRegularFile(mediaFile(path))).toList();
        assertEquals(List.of(), missing, "files missing from " + mediaDir());
    }

    /** Files go after the commit, a moment after the answer: waits up to 5 s; returns those still there. */
    private static List<String> awaitGone(List<String> paths) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<String> there = paths.stream().filter(path -> Files.exists(mediaFile(path))).toList();
            if (there.isEmpty() || System.currentTimeMillis() > deadline) {
                return there;
            }
            Thread.sleep(100);
        }
    }

    /** Between requests each server instance's folder under .tmp holds only its lock file. */
    private static void assertNoTemporaryFilesLeft() throws Exception {
        Path temporary = mediaDir().resolve(".tmp");
        if (!Files.isDirectory(temporary)) {
            return;
        }
        long deadline = System.currentTimeMillis() + 3_000;
        List<Path> leftovers;
        while (true) {
            try (Stream<Path> walk = Files.walk(temporary)) {
                leftovers = walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals(".lock")).toList();
            }
            if (leftovers.isEmpty() || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), leftovers, "an upload left a temporary file behind");
    }

    // ---- helpers: rows and counters -------------------------------------------------------------

    /**
     * table.column (lower case) of every column that names a user, found in INFORMATION_SCHEMA
     * (H2: schema public; MariaDB: the current database), as the database spells them.
     */
    private static List<String> userColumns(ApiClient api) {
        String names = USER_COLUMNS.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(Fixtures.sql(api,
                "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE LOWER(TABLE_SCHEMA) IN ('public', LOWER(DATABASE()))"
                        + " AND LOWER(COLUMN_NAME) IN (" + names + ")"
                        + " AND LOWER(TABLE_NAME) NOT LIKE 'flyway%'")));
        Set<String> lower = columns.stream().map(column -> column.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertTrue(lower.containsAll(List.of("sessions.user_id", "posts.user_id", "follows.follower_id", "follows.following_id",
                "blocks.blocked_id", "profile_reports.reported_id", "swift_views.viewer_id", "timeline.author_id",
                "post_reports.author_id", "push_tokens.user_id", "verification_requests.user_id")),
                "the INFORMATION_SCHEMA query found: " + columns);
        return columns;
    }

    /** How many rows of each user column (and users.id) hold {@code userId}. */
    private static Map<String, Long> rowsNaming(ApiClient api, long userId) {
        Map<String, Long> counts = new TreeMap<>();
        for (String column : userColumns(api)) {
            assertTrue(column.matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+"), column);
            String[] parts = column.split("\\.");
            counts.put(column.toLowerCase(Locale.ROOT),
                    Fixtures.number(api, "SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?", userId));
        }
        counts.put("users.id", Fixtures.number(api, "SELECT COUNT(*) FROM users WHERE id = ?", userId));
        return counts;
    }

    /**
     * The users' follower, following and post counts, their posts' like, repost and reply counts,
     * their polls' votes, their swifts' views, and the hashtags' post counts all equal the rows
     * they count. Limited to this test's users: other tests write rows behind the counters' back.
     */
    private static void assertCountersMatchRows(ApiClient api, List<Account> users, List<String> tagKeys, String when) {
        Object[] ids = users.stream().map(Account::id).toArray();
        String in = String.join(", ", Collections.nCopies(ids.length, "?"));
        assertEquals(List.of(), Fixtures.sql(api, "SELECT CONCAT('user ', u.id, ': followers ', u.follower_count, ', following ',"
                + " u.following_count, ', posts ', u.post_count) FROM users u WHERE u.id IN (" + in + ") AND ("
                + " u.follower_count <> (SELECT COUNT(*) FROM follows f WHERE f.following_id = u.id AND f.status = 'active')"
                + " OR u.following_count <> (SELECT COUNT(*) FROM follows f WHERE f.follower_id = u.id AND f.status = 'active')"
                + " OR u.post_count <> (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id AND p.thread_id = 0))", ids),
                when + ": users' counters differ from their rows");
        assertEquals(List.of(), Fixtures.sql(api, "SELECT CONCAT('post ', p.id, ': likes ', p.likes_count, ', reposts ',"
                + " p.reposts_count, ', replies ', p.replys_count) FROM posts p WHERE p.user_id IN (" + in + ") AND ("
                + " p.likes_count <> (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id)"
                + " OR p.reposts_count <> (SELECT COUNT(*) FROM post_reposts r WHERE r.post_id = p.id)"
                + " OR p.replys_count <> (SELECT COUNT(*) FROM posts c WHERE c.thread_id = p.id))", ids),
                when + ": posts' counters differ from their rows");
        assertEquals(List.of(), Fixtures.sql(api, "SELECT CONCAT('poll ', o.post_id, ' option ', o.position, ': votes ', o.votes)"
                + " FROM poll_options o JOIN posts p ON p.id = o.post_id WHERE p.user_id IN (" + in + ")"
                + " AND o.votes <> (SELECT COUNT(*) FROM poll_votes v WHERE v.post_id = o.post_id AND v.position = o.position)", ids),
                when + ": poll votes differ from their rows");
        assertEquals(List.of(), Fixtures.sql(api, "SELECT CONCAT('swift ', s.swid, ': views ', s.view_count) FROM swifts s"
                + " WHERE s.user_id IN (" + in + ")"
                + " AND s.view_count <> (SELECT COUNT(*) FROM swift_views v WHERE v.swift_id = s.id)", ids),
                when + ": swifts' view counts differ from their rows");
        assertEquals(List.of(), Fixtures.sql(api, "SELECT CONCAT('#', h.tag_key, ': posts ', h.posts) FROM hashtags h"
                + " WHERE h.tag_key IN (" + String.join(", ", Collections.nCopies(tagKeys.size(), "?")) + ")"
                + " AND h.posts <> (SELECT COUNT(*) FROM post_hashtags t WHERE t.hashtag_id = h.id)", tagKeys.toArray()),
                when + ": hashtags' post counts differ from their rows");
    }

    // ---- helpers: the other components, over the API --------------------------------------------

    private static long publish(ApiClient api, Account author, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "session_id";
        all[1] = author.token();
        System.arraycopy(fields, 0, all, 2, fields.length);
        Reply reply = api.postForm("publish_post", all);
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonNumber("id").longValue();
    }

    /** An image in the user's post draft: the next post takes it, or it stays unpublished. */
    private static void draftPostImage(ApiClient api, Account user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", user.token());
        fields.put("type", "image");
        Reply reply = api.postMultipart("upload_post_media", fields, new FilePart("file", "photo.png", "image/png", png(400, 300)));
        assertEnvelope(reply, 200, "Media file uploaded successfully");
    }

    /** A POST with the caller's session and a post_id. */
    private static Reply act(ApiClient api, String endpoint, Account who, long postId, String... fields) {
        String[] all = new String[fields.length + 4];
        all[0] = "session_id";
        all[1] = who.token();
        all[2] = "post_id";
        all[3] = String.valueOf(postId);
        System.arraycopy(fields, 0, all, 4, fields.length);
        return api.postForm(endpoint, all);
    }

    private static Reply like(ApiClient api, Account who, long postId) {
        return act(api, "like_post", who, postId);
    }

    private static Reply follow(ApiClient api, Account who, Account target) {
        return api.postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    private static Reply block(ApiClient api, Account who, Account target) {
        return api.postForm("block_user", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    /** follow_privacy = approved, through set_priv_settings (the other settings as they were). */
    private static void requireApproval(ApiClient api, Account account) {
        assertDone(api.postForm("set_priv_settings", "session_id", account.token(), "profile_visibility", "everyone",
                "contact_privacy", "everyone", "follow_privacy", "approved", "search_visibility", "Y"),
                "User privacy settings updated");
    }

    private static void uploadSwiftImage(ApiClient api, Account author) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", author.token());
        fields.put("type", "image");
        Reply reply = api.postMultipart("upload_swift_media", fields, new FilePart("file", "swift.png", "image/png", png(40, 40)));
        assertEnvelope(reply, 200, "Media file uploaded successfully");
    }

    /** Uploads and publishes an image swift; returns its swid. */
    private static String swift(ApiClient api, Account author) {
        uploadSwiftImage(api, author);
        assertDone(api.postForm("publish_swift", "session_id", author.token(), "swift_text", "a story"),
                "Swift published successfully");
        return Fixtures.sql(api, "SELECT swid FROM swifts WHERE user_id = ? ORDER BY id DESC", author.id()).get(0);
    }

    private static Reply view(ApiClient api, Account viewer, Account author, String swid) {
        return api.postForm("reg_swift_view", "session_id", viewer.token(), "user_id", String.valueOf(author.id()), "swid", swid);
    }

    private static byte[] png(int width, int height) {
        return TestImages.encode(TestImages.quadrants(width, height), "png");
    }

    /** A push token of 77 characters (50 to 250 are accepted), unique in the shared database. */
    private static String pushToken() {
        return "fcm:" + UUID.randomUUID() + ":" + UUID.randomUUID();
    }

    private static String hex64() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}
