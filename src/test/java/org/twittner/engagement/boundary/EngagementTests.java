package org.twittner.engagement.boundary;

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
import static org.twittner.testing.Wire.ids;
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * Likes, polls, bookmarks, reposts and post reports over HTTP, as the apps call them, with their
 * effects on feeds, threads and profile tabs. {@link Fixtures} writes the follows and blocks a
 * test starts from (as in PostApiIT) and reads counters back to compare them with their rows;
 * the concurrency test follows through the API, since its counters are under test.
 * Implemented by PostApiIT, which shares its deployment and gives each test two new accounts.
 */
public interface EngagementTests {

    ApiClient api();

    /** A new account for each test (the host class makes them before each). */
    Account alice();

    Account bob();

    /** The Post object (README §2.4); PostApiIT, which implements this interface, checks it too. */
    static final Map<String, Wire.Type> POST = shape(
            "id", NUMBER, "user_id", NUMBER, "text", STRING, "type", STRING, "replys_count", STRING,
            "reposts_count", STRING, "likes_count", STRING, "status", STRING, "thread_id", NUMBER, "target", STRING,
            "og_data", STRING, "time", STRING, "time_raw", STRING, "offset_id", NUMBER, "is_repost", BOOLEAN,
            "is_reposter", BOOLEAN, "attrs", STRING, "advertising", BOOLEAN, "og_text", STRING, "og_image", STRING,
            "url", STRING, "can_delete", BOOLEAN, "media", ARRAY, "is_owner", BOOLEAN, "has_liked", BOOLEAN,
            "has_saved", BOOLEAN, "has_reposted", BOOLEAN, "is_pinned", BOOLEAN, "can_see", BOOLEAN,
            "priv_wcr", STRING, "reply_to", ARRAY, "owner", OBJECT);
    /** fetch_likes items (README §2.5). */
    static final Map<String, Wire.Type> LIKER = shape(
            "offset_id", NUMBER, "id", NUMBER, "about", STRING, "followers", NUMBER, "posts", NUMBER, "avatar", STRING,
            "last_active", STRING, "username", STRING, "fname", STRING, "lname", STRING, "email", STRING,
            "verified", STRING, "name", STRING, "url", STRING, "is_following", BOOLEAN, "is_user", BOOLEAN);
    /** vote_polls' poll_data and a poll post's poll (README §2.11). */
    static final Map<String, Wire.Type> POLL = shape("has_voted", NUMBER, "total", NUMBER, "options", ARRAY);
    static final Map<String, Wire.Type> POLL_OPTION = shape("percentage", STRING, "total", NUMBER, "option", STRING);

    static final String BAD_POST = "Post id is missing or invalid";
    static final String BAD_REASON = "Report reason id is missing or invalid";
    static final String VOTE_FAILED = "An error occurred while processing your request";

    // ---- like_post, fetch_likes --------------------------------------------------------------

    @Test
    default void likeTogglesAndAnswersTheLikeCount() {
        long post = post(alice(), "like me");
        Reply liked = like(bob(), post);
        assertEnvelope(liked, 200, "", "post_likes");
        assertShape(liked.data(), shape("like", BOOLEAN));
        assertTrue(liked.data().getBoolean("like"));
        assertEquals(NUMBER, Wire.typeOf(liked.json().get("post_likes")));
        assertEquals(1, liked.json().getInt("post_likes"));
        assertEquals(1, count("select count(*) from post_likes where user_id = ? and post_id = ?", bob().id(), post));
        assertEquals(1, likesCount(post));

        Reply own = like(alice(), post);
        assertTrue(own.data().getBoolean("like"), "own posts may be liked");
        assertEquals(2, own.json().getInt("post_likes"));
        assertEquals("2", threadPost(bob(), post).getString("likes_count"));
        assertEquals(List.of(post), ids(likedTab(bob())), "the liked tab lists it");

        Reply undone = like(bob(), post);
        assertEnvelope(undone, 200, "", "post_likes");
        assertFalse(undone.data().getBoolean("like"));
        assertEquals(1, undone.json().getInt("post_likes"));
        assertEquals(0, count("select count(*) from post_likes where user_id = ? and post_id = ?", bob().id(), post));
        assertEquals(1, likesCount(post));
        assertEquals(List.of(), ids(likedTab(bob())));
    }

    @Test
    default void likeRefusesPostsTheCallerMayNotSee() {
        assertError(api().postForm("like_post", "session_id", bob().token()), 400, BAD_POST);
        for (String id : List.of("", "abc", "0", "-1", "999999999")) {
            assertError(act("like_post", bob(), id), 400, BAD_POST);
        }
        long gone = post(alice(), "soon deleted");
        delete(alice(), gone);
        assertError(like(bob(), gone), 400, BAD_POST);

        Account carol = TestAccounts.create(api());
        long secret = post(carol, "for followers");
        followersOnly(carol);
        assertError(like(bob(), secret), 400, BAD_POST);
        assertEquals(0, likesCount(secret));
        addFollow(bob(), carol);
        assertEquals(200, like(bob(), secret).code(), "a follower may like it");
        assertEquals(1, likesCount(secret));
        assertEquals(1, count("select count(*) from post_likes where user_id = ?", bob().id()), "nothing else was liked");
    }

    @Test
    default void fetchLikesListsLikersNewestFirstWithFlagsForTheCaller() {
        Account carol = TestAccounts.create(api());
        long post = post(alice(), "liked twice");
        assertEquals(200, like(bob(), post).code());
        assertEquals(200, like(carol, post).code());
        addFollow(alice(), carol);

        Reply reply = likes(alice(), post);
        assertEnvelope(reply, 200, "Likes fetched successfully");
        JsonArray items = reply.json().getJsonArray("data");
        assertEquals(List.of(carol.id(), bob().id()), ids(items), "newest like first");
        items.forEach(item -> assertShape(item.asJsonObject(), LIKER));
        assertEquals(List.of(likeId(carol, post), likeId(bob(), post)), offsets(items), "offset_id is the like's id");
        JsonObject carols = item(items, carol);
        assertTrue(carols.getBoolean("is_following"), "alice follows carol");
        assertFalse(carols.getBoolean("is_user"));
        assertEquals("", carols.getString("email"));
        assertEquals("@" + carol.username(), carols.getString("username"));
        assertEquals("Test User", carols.getString("name"));
        assertEquals("0", carols.getString("verified"));
        assertFalse(item(items, bob()).getBoolean("is_following"));

        JsonArray bobsView = likes(bob(), post).json().getJsonArray("data");
        assertTrue(item(bobsView, bob()).getBoolean("is_user"));
        assertEquals(bob().email(), item(bobsView, bob()).getString("email"));
        assertFalse(item(bobsView, carol).getBoolean("is_following"), "the flags are the caller's");
        JsonArray anonymous = likes(null, post).json().getJsonArray("data");
        assertEquals(List.of(carol.id(), bob().id()), ids(anonymous));
        anonymous.forEach(item -> assertFalse(item.asJsonObject().getBoolean("is_user")));

        JsonArray first = likes(alice(), post, "page_size", "1").json().getJsonArray("data");
        assertEquals(List.of(carol.id()), ids(first));
        JsonArray second = likes(alice(), post, "page_size", "1", "offset", String.valueOf(lastOffset(first))).json().getJsonArray("data");
        assertEquals(List.of(bob().id()), ids(second));
        assertError(likes(alice(), post, "offset", String.valueOf(lastOffset(second))), 404, "No data found");
        assertError(likes(alice(), post(alice(), "nobody likes this")), 404, "No data found");

        assertError(api().get("fetch_likes", "session_id", alice().token()), 400, BAD_POST);
        for (String id : List.of("abc", "0", "999999999")) {
            assertError(api().get("fetch_likes", "session_id", alice().token(), "post_id", id), 400, BAD_POST);
        }
    }

    @Test
    default void fetchLikesLeavesOutLikersInABlockWithTheCaller() {
        Account carol = TestAccounts.create(api());
        Account dave = TestAccounts.create(api());
        long post = post(alice(), "liked by three");
        for (Account liker : List.of(bob(), carol, dave)) {
            assertEquals(200, like(liker, post).code());
        }
        addBlock(carol, bob());
        assertEquals(List.of(dave.id(), carol.id(), bob().id()), ids(likes(alice(), post).json().getJsonArray("data")));
        assertEquals(List.of(dave.id(), bob().id()), ids(likes(bob(), post).json().getJsonArray("data")), "who blocked bob");
        assertEquals(List.of(dave.id(), carol.id()), ids(likes(carol, post).json().getJsonArray("data")), "whom carol blocked");

        addBlock(alice(), dave);
        assertError(likes(dave, post), 400, BAD_POST);
        Account erin = TestAccounts.create(api());
        long secret = post(erin, "for followers");
        assertEquals(200, like(erin, secret).code());
        followersOnly(erin);
        assertError(likes(null, secret), 400, BAD_POST);
        assertError(likes(alice(), secret), 400, BAD_POST);
    }

    // ---- vote_polls --------------------------------------------------------------------------

    @Test
    default void votesAreCountedOncePerUser() {
        Account carol = TestAccounts.create(api());
        long poll = poll(alice());
        Reply voted = vote(bob(), poll, 1);
        assertEnvelope(voted, 200, "Poll voted successfully");
        assertShape(voted.data(), shape("poll_data", OBJECT));
        JsonObject results = voted.data().getJsonObject("poll_data");
        assertPoll(results, 1, 1, List.of("0", "100", "0"), List.of(0, 1, 0));
        assertEquals(List.of("Tea", "Coffee", "Water"), results.getJsonArray("options").stream()
                .map(option -> option.asJsonObject().getString("option")).toList());

        assertPoll(vote(carol, poll, 0).data().getJsonObject("poll_data"), 1, 2, List.of("50", "50", "0"), List.of(1, 1, 0));

        assertError(vote(bob(), poll, 0), 400, VOTE_FAILED);
        assertError(vote(bob(), poll, 1), 400, VOTE_FAILED);
        assertEquals(2, count("select count(*) from poll_votes where post_id = ?", poll));
        assertEquals(1, count("select position from poll_votes where post_id = ? and user_id = ?", poll, bob().id()),
                "the first vote stands");
        assertEquals(List.of("1", "1", "0"), Fixtures.sql(api(), "select votes from poll_options where post_id = ? order by position", poll));
    }

    @Test
    default void voteRefusesBadPostsAndOptionsAndChangesNothing() {
        long poll = poll(alice());
        long text = post(alice(), "no poll here");
        assertError(api().postForm("vote_polls", "session_id", bob().token(), "poll_id", "0"), 400, BAD_POST);
        for (String id : List.of("", "abc", "0", "999999999", String.valueOf(text))) {
            assertError(act("vote_polls", bob(), id, "poll_id", "0"), 400, BAD_POST);
        }
        assertError(act("vote_polls", bob(), String.valueOf(poll)), 400, VOTE_FAILED);
        for (String option : List.of("-1", "3", "99")) {
            assertError(act("vote_polls", bob(), String.valueOf(poll), "poll_id", option), 400, VOTE_FAILED);
        }
        Account carol = TestAccounts.create(api());
        long secret = poll(carol);
        followersOnly(carol);
        assertError(vote(bob(), secret, 0), 400, BAD_POST);

        assertEquals(0, count("select count(*) from poll_votes where user_id = ?", bob().id()));
        assertEquals(0, count("select coalesce(sum(votes), 0) from poll_options where post_id in (?, ?)", poll, secret));
        assertEquals(0, threadPost(alice(), poll).getJsonObject("poll").getInt("total"));
    }

    @Test
    default void theVotersPollShowsTheirVoteInThreadsFeedsAndProfiles() {
        long poll = poll(alice());
        assertEquals(200, vote(bob(), poll, 2).code());

        JsonObject bobs = threadPost(bob(), poll).getJsonObject("poll");
        assertPoll(bobs, 1, 1, List.of("0", "0", "100"), List.of(0, 0, 1));
        JsonObject alices = threadPost(alice(), poll).getJsonObject("poll");
        assertPoll(alices, 0, 1, null, List.of(0, 0, 1));

        addFollow(bob(), alice());
        assertEquals(1, single(entries(feed(bob()), poll), "bob's feed").getJsonObject("poll").getInt("has_voted"));
        assertEquals(0, single(entries(feed(alice()), poll), "alice's feed").getJsonObject("poll").getInt("has_voted"));
        JsonObject onProfile = single(entries(profile(bob(), alice()), poll), "alice's profile").getJsonObject("poll");
        assertPoll(onProfile, 1, 1, List.of("0", "0", "100"), List.of(0, 0, 1));
        assertEquals(0, single(entries(profile(null, alice()), poll), "anonymous").getJsonObject("poll").getInt("has_voted"));
    }

    // ---- add_bookmark, get_bookmarks ---------------------------------------------------------

    @Test
    default void bookmarksToggleAndAreListedNewestFirst() {
        long first = post(alice(), "first");
        long second = post(alice(), "second");
        Reply saved = bookmark(bob(), first);
        assertEnvelope(saved, 200, "");
        assertShape(saved.data(), shape("bookmark", BOOLEAN));
        assertTrue(saved.data().getBoolean("bookmark"));
        assertTrue(bookmark(bob(), second).data().getBoolean("bookmark"));

        Reply list = bookmarks(bob());
        assertEnvelope(list, 200, "Bookmarks fetched successfully");
        JsonArray items = list.json().getJsonArray("data");
        assertEquals(List.of(second, first), ids(items), "newest bookmark first");
        for (JsonValue item : items) {
            assertShape(item.asJsonObject(), POST);
            assertTrue(item.asJsonObject().getBoolean("has_saved"));
        }
        assertEquals(List.of(bookmarkId(bob(), second), bookmarkId(bob(), first)), offsets(items), "offset_id is the bookmark's id");
        assertTrue(threadPost(bob(), first).getBoolean("has_saved"));

        Reply removed = bookmark(bob(), first);
        assertEnvelope(removed, 200, "");
        assertFalse(removed.data().getBoolean("bookmark"));
        assertEquals(List.of(second), ids(bookmarks(bob())));
        assertFalse(threadPost(bob(), first).getBoolean("has_saved"));
        assertEquals(1, count("select count(*) from bookmarks where user_id = ?", bob().id()));

        assertError(api().postForm("add_bookmark", "session_id", bob().token()), 400, BAD_POST);
        for (String id : List.of("abc", "0", "999999999")) {
            assertError(act("add_bookmark", bob(), id), 400, BAD_POST);
        }
    }

    @Test
    default void bookmarksArePrivateToTheirOwner() {
        Account carol = TestAccounts.create(api());
        long one = post(alice(), "one");
        long two = post(alice(), "two");
        assertTrue(bookmark(bob(), one).data().getBoolean("bookmark"));
        assertError(bookmarks(alice()), 204, "No data found");
        assertError(bookmarks(carol), 204, "No data found");

        assertTrue(bookmark(carol, one).data().getBoolean("bookmark"), "carol's own bookmark, not a toggle of bob's");
        assertTrue(bookmark(carol, two).data().getBoolean("bookmark"));
        assertEquals(List.of(one), ids(bookmarks(bob())));
        assertEquals(List.of(two, one), ids(bookmarks(carol)));
        assertEquals(List.of(two, one), ids(api().get("get_bookmarks", "session_id", carol.token(), "user_id", String.valueOf(bob().id()))),
                "no parameter reads another user's bookmarks");
        assertFalse(threadPost(alice(), one).getBoolean("has_saved"));
        assertEquals(1, count("select count(*) from bookmarks where user_id = ?", bob().id()));
    }

    @Test
    default void getBookmarksPagesAndLeavesOutDeletedAndBlockedPosts() {
        Account carol = TestAccounts.create(api());
        long p1 = post(alice(), "p1");
        long p2 = post(alice(), "p2");
        long p3 = post(alice(), "p3");
        long c1 = post(carol, "c1");
        for (long post : List.of(p1, p2, p3, c1)) {
            assertTrue(bookmark(bob(), post).data().getBoolean("bookmark"));
        }
        JsonArray first = bookmarks(bob(), "page_size", "2").json().getJsonArray("data");
        assertEquals(List.of(c1, p3), ids(first));
        JsonArray second = bookmarks(bob(), "page_size", "2", "offset", String.valueOf(lastOffset(first))).json().getJsonArray("data");
        assertEquals(List.of(p2, p1), ids(second));
        assertError(bookmarks(bob(), "offset", String.valueOf(lastOffset(second))), 204, "No data found");

        delete(alice(), p2);
        addBlock(carol, bob());
        assertEquals(List.of(p3, p1), ids(bookmarks(bob())), "deleted, and by an author who blocked bob: left out");
    }

    // ---- publication_repost ------------------------------------------------------------------

    @Test
    default void repostTogglesWithItsCounterAndTimelineEntry() {
        Account carol = TestAccounts.create(api());
        long post = post(alice(), "share me");
        Reply reposted = repost(bob(), post);
        assertEnvelope(reposted, 200, "", "post_reposts");
        assertShape(reposted.data(), shape("repost", BOOLEAN));
        assertTrue(reposted.data().getBoolean("repost"));
        assertEquals(NUMBER, Wire.typeOf(reposted.json().get("post_reposts")));
        assertEquals(1, reposted.json().getInt("post_reposts"));
        assertEquals(1, count("select count(*) from post_reposts where user_id = ? and post_id = ?", bob().id(), post));
        assertEquals(1, repostsCount(post));
        assertEquals(alice().id(), count("select author_id from timeline where user_id = ? and post_id = ? and kind = 'repost'",
                bob().id(), post), "one timeline entry on bob's timeline, naming the author");

        assertEquals(2, repost(carol, post).json().getInt("post_reposts"));
        Reply undone = repost(bob(), post);
        assertEnvelope(undone, 200, "", "post_reposts");
        assertFalse(undone.data().getBoolean("repost"));
        assertEquals(1, undone.json().getInt("post_reposts"));
        assertEquals(0, count("select count(*) from post_reposts where user_id = ? and post_id = ?", bob().id(), post));
        assertEquals(0, count("select count(*) from timeline where user_id = ? and post_id = ?", bob().id(), post));
        assertEquals(1, repostsCount(post));
        assertEquals("1", threadPost(alice(), post).getString("reposts_count"));

        assertError(api().postForm("publication_repost", "session_id", bob().token()), 400, BAD_POST);
        for (String id : List.of("abc", "0", "999999999")) {
            assertError(act("publication_repost", bob(), id), 400, BAD_POST);
        }
    }

    @Test
    default void aRepostReachesTheReposterFollowersFeedsAndProfile() {
        Account carol = TestAccounts.create(api());
        addFollow(carol, bob());
        long post = post(alice(), "worth sharing");
        long carols = post(carol, "carol's own");
        assertEquals(200, repost(bob(), post).code());
        long entry = count("select id from timeline where user_id = ? and post_id = ? and kind = 'repost'", bob().id(), post);

        List<JsonObject> carolsFeed = feed(carol);
        assertEquals(List.of(post, carols), ids(carolsFeed), "the repost is an entry of its own, at the time of the repost");
        JsonObject seen = carolsFeed.get(0);
        assertPostFields(seen);
        assertTrue(seen.getBoolean("is_repost"));
        assertFalse(seen.getBoolean("is_reposter"));
        assertFalse(seen.getBoolean("has_reposted"));
        assertEquals(entry, seen.getJsonNumber("offset_id").longValue());
        assertEquals(alice().id(), seen.getJsonNumber("user_id").longValue());
        assertEquals(alice().id(), seen.getJsonObject("owner").getJsonNumber("id").longValue());
        assertEquals("1", seen.getString("reposts_count"));

        JsonObject own = single(entries(feed(bob()), post), "bob's feed");
        assertTrue(own.getBoolean("is_repost"));
        assertTrue(own.getBoolean("is_reposter"));
        assertTrue(own.getBoolean("has_reposted"));

        JsonObject onProfile = single(entries(profile(carol, bob()), post), "bob's profile seen by carol");
        assertTrue(onProfile.getBoolean("is_repost"));
        assertFalse(onProfile.getBoolean("is_reposter"));
        assertTrue(single(entries(profile(bob(), bob()), post), "bob's own profile").getBoolean("is_reposter"));
        assertTrue(single(entries(profile(null, bob()), post), "anonymous").getBoolean("is_repost"));

        JsonObject original = single(entries(feed(alice()), post), "alice's own entry");
        assertFalse(original.getBoolean("is_repost"));
        assertFalse(original.getBoolean("is_reposter"));
        assertFalse(original.getBoolean("has_reposted"));
    }

    @Test
    default void aRepostDisappearsWhenUndoneOrWhenThePostIsDeleted() {
        Account carol = TestAccounts.create(api());
        addFollow(carol, bob());
        long post = post(alice(), "short-lived");
        assertTrue(repost(bob(), post).data().getBoolean("repost"));
        assertEquals(1, entries(feed(carol), post).size());

        assertFalse(repost(bob(), post).data().getBoolean("repost"));
        assertEquals(0, entries(feed(carol), post).size());
        assertEquals(0, entries(feed(bob()), post).size());
        assertEquals(0, entries(profile(null, bob()), post).size());

        assertTrue(repost(bob(), post).data().getBoolean("repost"));
        assertEquals(1, entries(feed(carol), post).size());
        delete(alice(), post);
        assertEquals(0, entries(feed(carol), post).size());
        assertEquals(0, entries(profile(null, bob()), post).size());
        assertEquals(0, count("select count(*) from post_reposts where post_id = ?", post));
        assertEquals(0, count("select count(*) from timeline where post_id = ?", post));
    }

    @Test
    default void aRepostIsHiddenFromViewersInABlockWithTheOriginalAuthor() {
        Account carol = TestAccounts.create(api());
        Account dave = TestAccounts.create(api());
        addFollow(carol, bob());
        addFollow(dave, bob());
        long post = post(alice(), "from alice");
        long bobs = post(bob(), "bob's own");
        assertEquals(200, repost(bob(), post).code());
        assertEquals(1, entries(feed(carol), post).size());

        addBlock(alice(), carol);
        addBlock(dave, alice());
        for (Account viewer : List.of(carol, dave)) {
            List<JsonObject> feed = feed(viewer);
            assertEquals(0, entries(feed, post).size(), viewer.username() + "'s feed: " + feed);
            assertEquals(1, entries(feed, bobs).size(), "the reposter's own posts stay");
            assertEquals(List.of(bobs), ids(profile(viewer, bob())));
        }
        assertEquals(1, entries(feed(bob()), post).size(), "the reposter is in no block");
        assertEquals(List.of(post, bobs), ids(profile(null, bob())));
    }

    @Test
    default void aRepostOfAFollowersOnlyAuthorReachesOnlyTheirFollowersAndNamesTheReposter() {
        Account carol = TestAccounts.create(api());
        Account dave = TestAccounts.create(api());
        followersOnly(alice());
        addFollow(bob(), alice());
        addFollow(carol, bob());
        addFollow(dave, bob());
        addFollow(dave, alice());
        long post = post(alice(), "for my followers");
        assertEquals(200, repost(bob(), post).code());

        assertEquals(0, entries(feed(carol), post).size(), "carol does not follow alice");
        assertEquals(0, entries(profile(carol, bob()), post).size());
        List<JsonObject> daves = entries(feed(dave), post);
        assertEquals(2, daves.size(), "dave follows both: the post and the repost");
        JsonObject seen = single(daves.stream().filter(entry -> entry.getBoolean("is_repost")).toList(), "the repost");
        JsonObject reposter = seen.getJsonObject("reposter");
        assertEquals("@" + bob().username(), reposter.getString("username"));
        assertTrue(reposter.getString("url").endsWith("/@" + bob().username()), reposter.toString());
        assertEquals("Test User", reposter.getString("name"));
        assertFalse(single(entries(feed(alice()), post), "alice's own entry").containsKey("reposter"),
                "only repost entries name a reposter");

        // what set_priv_settings does (accounts issue): the profile and its timeline entries
        Fixtures.sql(api(), "update users set profile_privacy = 'everyone' where id = ?", alice().id());
        Fixtures.sql(api(), "update timeline set author_public = 1 where author_id = ?", alice().id());
        assertEquals(1, entries(feed(carol), post).size(), "public again: the repost shows");
    }

    // ---- blocks ------------------------------------------------------------------------------

    @Test
    default void aBlockEitherWayRefusesLikesRepostsBookmarksVotesAndReports() {
        long text = post(alice(), "alice's");
        long poll = poll(alice());
        long bobs = post(bob(), "bob's");
        addBlock(alice(), bob());

        // bob, whom alice blocked
        assertError(like(bob(), text), 400, BAD_POST);
        assertError(repost(bob(), text), 400, BAD_POST);
        assertError(bookmark(bob(), text), 400, BAD_POST);
        assertError(vote(bob(), poll, 0), 400, BAD_POST);
        assertError(report(bob(), text, "reason", "1"), 400, BAD_POST);
        // alice, who blocked bob
        assertError(like(alice(), bobs), 400, BAD_POST);
        assertError(repost(alice(), bobs), 400, BAD_POST);
        assertError(bookmark(alice(), bobs), 400, BAD_POST);
        assertError(report(alice(), bobs, "reason", "1"), 400, BAD_POST);

        for (String table : List.of("post_likes", "post_reposts", "bookmarks", "poll_votes", "post_reports")) {
            assertEquals(0, count("select count(*) from " + table + " where post_id in (?, ?, ?)", text, poll, bobs), table);
        }
        for (long post : List.of(text, poll, bobs)) {
            assertEquals(0, likesCount(post));
            assertEquals(0, repostsCount(post));
        }

        Fixtures.sql(api(), "delete from blocks where user_id = ? and blocked_id = ?", alice().id(), bob().id());
        assertEquals(200, like(bob(), text).code(), "unblocked: allowed again");
        assertEquals(200, vote(bob(), poll, 0).code());
    }

    // ---- publication_report ------------------------------------------------------------------

    @Test
    default void reportingAPostTwiceKeepsOneOpenReport() {
        Account carol = TestAccounts.create(api());
        long post = post(alice(), "questionable");
        assertDone(report(bob(), post, "reason", "1", "comment", "spam"), "Report sent successfully");
        assertEquals(1, openReports(bob(), post));
        assertEquals(1, count("select reason from post_reports where user_id = ? and post_id = ? and open_flag = 1", bob().id(), post));
        assertEquals(List.of("spam"), Fixtures.sql(api(),
                "select comment from post_reports where user_id = ? and post_id = ? and open_flag = 1", bob().id(), post));

        assertDone(report(bob(), post, "reason", "3", "comment", "my address"), "Report sent successfully");
        assertEquals(1, count("select count(*) from post_reports where user_id = ? and post_id = ?", bob().id(), post),
                "replaced, not added");
        assertEquals(3, count("select reason from post_reports where user_id = ? and post_id = ? and open_flag = 1", bob().id(), post));
        assertEquals(List.of("my address"), Fixtures.sql(api(),
                "select comment from post_reports where user_id = ? and post_id = ? and open_flag = 1", bob().id(), post));

        assertDone(report(carol, post, "reason", "6"), "Report sent successfully");
        assertEquals(List.of(""), Fixtures.sql(api(), "select comment from post_reports where user_id = ? and post_id = ?",
                carol.id(), post), "the comment is optional");
        assertEquals(2, count("select count(*) from post_reports where post_id = ? and open_flag = 1", post));

        assertDone(report(bob(), post, "reason", "2", "comment", "é".repeat(3000)), "Report sent successfully");
        assertEquals(1, openReports(bob(), post));
        assertEquals(2900, count("select char_length(comment) from post_reports where user_id = ? and post_id = ? and open_flag = 1",
                bob().id(), post));
    }

    @Test
    default void publicationReportRefusesOwnMissingDeletedPostsAndBadReasons() {
        long post = post(alice(), "reported?");
        assertError(report(alice(), post, "reason", "1"), 400, BAD_POST);
        assertError(api().postForm("publication_report", "session_id", bob().token(), "reason", "1"), 400, BAD_POST);
        for (String id : List.of("", "abc", "0", "999999999")) {
            assertError(act("publication_report", bob(), id, "reason", "1"), 400, BAD_POST);
        }
        long gone = post(alice(), "deleted");
        delete(alice(), gone);
        assertError(report(bob(), gone, "reason", "1"), 400, BAD_POST);

        assertError(report(bob(), post), 400, BAD_REASON);
        for (String reason : List.of("", "0", "7", "-1", "abc")) {
            assertError(report(bob(), post, "reason", reason), 400, BAD_REASON);
        }
        assertEquals(0, count("select count(*) from post_reports where post_id in (?, ?)", post, gone));
    }

    // ---- flags and sessions ------------------------------------------------------------------

    @Test
    default void interactionFlagsBelongToTheCallerOnly() {
        Account carol = TestAccounts.create(api());
        long post = post(alice(), "flags");
        assertTrue(like(bob(), post).data().getBoolean("like"));
        assertTrue(bookmark(bob(), post).data().getBoolean("bookmark"));
        assertTrue(repost(bob(), post).data().getBoolean("repost"));

        JsonObject bobs = threadPost(bob(), post);
        assertTrue(bobs.getBoolean("has_liked"));
        assertTrue(bobs.getBoolean("has_saved"));
        assertTrue(bobs.getBoolean("has_reposted"));
        assertEquals("1", bobs.getString("likes_count"));
        assertEquals("1", bobs.getString("reposts_count"));
        for (Account other : List.of(alice(), carol)) {
            JsonObject theirs = threadPost(other, post);
            assertFalse(theirs.getBoolean("has_liked"), other.username());
            assertFalse(theirs.getBoolean("has_saved"), other.username());
            assertFalse(theirs.getBoolean("has_reposted"), other.username());
            assertEquals("1", theirs.getString("likes_count"));
        }

        addFollow(carol, alice());
        JsonObject inCarolsFeed = single(entries(feed(carol), post), "carol follows alice only");
        assertShape(inCarolsFeed, POST);
        assertFalse(inCarolsFeed.getBoolean("has_liked"));
        assertFalse(inCarolsFeed.getBoolean("has_saved"));
        assertFalse(inCarolsFeed.getBoolean("has_reposted"));
        JsonObject inBobsFeed = single(entries(feed(bob()), post), "bob's repost");
        assertTrue(inBobsFeed.getBoolean("has_liked"));
        assertTrue(inBobsFeed.getBoolean("has_saved"));
        assertTrue(inBobsFeed.getBoolean("has_reposted"));
    }

    @Test
    default void everyEngagementCallNeedsASession() {
        long post = post(alice(), "anyone?");
        String id = String.valueOf(post);
        for (String endpoint : List.of("like_post", "publication_repost", "add_bookmark", "vote_polls", "publication_report")) {
            assertError(api().postForm(endpoint, "post_id", id, "poll_id", "0", "reason", "1"), 401, "Unauthorized Access");
            assertError(api().postForm(endpoint, "session_id", "made-up", "post_id", id, "poll_id", "0", "reason", "1"), 401,
                    "Unauthorized Access");
        }
        assertError(api().get("get_bookmarks"), 401, "Unauthorized Access");
        assertError(api().get("get_bookmarks", "session_id", "made-up"), 401, "Unauthorized Access");
        assertEquals(0, likesCount(post));
        assertEquals(0, repostsCount(post));
        assertEquals(0, count("select count(*) from bookmarks where post_id = ?", post));
    }

    // ---- concurrency -------------------------------------------------------------------------

    @Test
    default void countersEqualTheirRowsAfterAThousandConcurrentToggles() throws Exception {
        long post = post(alice(), "a busy post");
        List<Account> actors = accounts(50);
        int calls = 20;
        // each actor: like_post, publication_repost and follow (at bob) in turn, 20 calls in a row
        List<List<Reply>> answers = Concurrently.call(actors.size(), i -> {
            Account actor = actors.get(i);
            List<Reply> mine = new ArrayList<>();
            for (int j = 0; j < calls; j++) {
                int kind = (i + j) % 3;
                mine.add(Concurrently.unlessBusy(() -> switch (kind) {
                    case 0 -> like(actor, post);
                    case 1 -> repost(actor, post);
                    default -> toggleFollow(actor, bob());
                }));
            }
            return mine;
        });
        assertEquals(1000, answers.stream().mapToInt(List::size).sum());

        // an actor's own toggles are sequential: its answers alternate, and its last state is known
        List<String> wrong = new ArrayList<>();
        int likes = 0;
        int reposts = 0;
        int follows = 0;
        for (int i = 0; i < actors.size(); i++) {
            boolean liked = false;
            boolean reposted = false;
            boolean following = false;
            for (int j = 0; j < calls; j++) {
                Reply reply = answers.get(i).get(j);
                int kind = (i + j) % 3;
                if (reply.code() != 200) {
                    wrong.add("actor " + i + " call " + j + ": " + reply);
                    continue;
                }
                switch (kind) {
                    case 0 -> {
                        liked = !liked;
                        if (reply.data().getBoolean("like") != liked) {
                            wrong.add("actor " + i + " like " + j + ": " + reply);
                        }
                    }
                    case 1 -> {
                        reposted = !reposted;
                        if (reply.data().getBoolean("repost") != reposted) {
                            wrong.add("actor " + i + " repost " + j + ": " + reply);
                        }
                    }
                    default -> {
                        following = !following;
                        String expected = following ? "Subscribed successfully" : "Subscription canceled successfully";
                        if (reply.data().getBoolean("follow") != following || !expected.equals(reply.json().getString("message"))) {
                            wrong.add("actor " + i + " follow " + j + ": " + reply);
                        }
                    }
                }
            }
            likes += liked ? 1 : 0;
            reposts += reposted ? 1 : 0;
            follows += following ? 1 : 0;
        }
        assertEquals(List.of(), wrong, "no 500s, no refusals, every toggle answered in turn");

        assertEquals(likes, count("select count(*) from post_likes where post_id = ?", post));
        assertEquals(likes, likesCount(post));
        assertEquals(reposts, count("select count(*) from post_reposts where post_id = ?", post));
        assertEquals(reposts, repostsCount(post));
        assertEquals(reposts, count("select count(*) from timeline where post_id = ? and kind = 'repost'", post));
        assertEquals(follows, count("select count(*) from follows where following_id = ? and status = 'active'", bob().id()));
        assertEquals(follows, count("select follower_count from users where id = ?", bob().id()));
        String ids = actors.stream().map(actor -> String.valueOf(actor.id())).collect(Collectors.joining(","));
        assertEquals(0, count("select count(*) from users u where u.id in (" + ids + ") and u.following_count <>"
                + " (select count(*) from follows f where f.follower_id = u.id and f.status = 'active')"),
                "each actor's following_count equals its follows");
        assertEquals(follows, count("select sum(following_count) from users where id in (" + ids + ")"));
    }

    @Test
    default void simultaneousTogglesByOneUserEndInADefinedState() throws Exception {
        long post = post(alice(), "tapped twice");
        List<String[]> toggles = List.of(new String[] {"like_post", "like", "post_likes"},
                new String[] {"publication_repost", "repost", "post_reposts"},
                new String[] {"add_bookmark", "bookmark", "bookmarks"});
        for (String[] toggle : toggles) {
            String endpoint = toggle[0];
            String key = toggle[1];
            String rows = "select count(*) from " + toggle[2] + " where user_id = ? and post_id = ?";
            for (int n : List.of(2, 7)) {
                long before = count(rows, bob().id(), post);
                List<Reply> replies = Concurrently.call(n, i -> Concurrently.unlessBusy(() -> act(endpoint, bob(), String.valueOf(post))));
                int on = 0;
                int off = 0;
                for (Reply reply : replies) {
                    assertEquals(200, reply.code(), endpoint + ": " + reply);
                    if (reply.data().getBoolean(key)) {
                        on++;
                    } else {
                        off++;
                    }
                }
                long after = count(rows, bob().id(), post);
                assertTrue(after == 0 || after == 1, endpoint + ": at most one row, " + after);
                assertEquals(after - before, on - off, endpoint + ": the answers tell the changes: " + replies);
            }
        }
        assertEquals(count("select count(*) from post_likes where post_id = ?", post), likesCount(post));
        assertEquals(count("select count(*) from post_reposts where post_id = ?", post), repostsCount(post));
        assertEquals(repostsCount(post), count("select count(*) from timeline where post_id = ? and kind = 'repost'", post));
    }

    @Test
    default void aDoubleVoteSentAtOnceLeavesOneVote() throws Exception {
        long poll = poll(alice());
        List<Reply> replies = Concurrently.call(8, i -> Concurrently.unlessBusy(() -> vote(bob(), poll, i % 3)));
        List<Integer> won = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).code() == 200) {
                won.add(i);
            } else {
                assertError(replies.get(i), 400, VOTE_FAILED);
            }
        }
        assertEquals(1, won.size(), replies.toString());
        int chosen = won.get(0) % 3;
        JsonObject results = replies.get(won.get(0)).data().getJsonObject("poll_data");
        assertEquals(1, results.getInt("has_voted"));
        assertEquals(1, results.getInt("total"));
        assertEquals(1, count("select count(*) from poll_votes where post_id = ? and user_id = ?", poll, bob().id()));
        assertEquals(chosen, count("select position from poll_votes where post_id = ? and user_id = ?", poll, bob().id()));
        assertEquals(1, count("select sum(votes) from poll_options where post_id = ?", poll));
        assertEquals(1, count("select votes from poll_options where post_id = ? and position = ?", poll, chosen));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Reply publish(Account author, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "session_id";
        all[1] = author.token();
        System.arraycopy(fields, 0, all, 2, fields.length);
        return api().postForm("publish_post", all);
    }

    private long post(Account author, String text) {
        Reply reply = publish(author, "post_text", text);
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonNumber("id").longValue();
    }

    /** A poll with the options Tea, Coffee, Water (positions 0, 1, 2). */
    private long poll(Account author) {
        Reply reply = publish(author, "post_text", "Tea, coffee or water?",
                "poll_data", "[{\"value\":\"Tea\"},{\"value\":\"Coffee\"},{\"value\":\"Water\"}]");
        assertEquals(200, reply.code(), reply.toString());
        assertEquals("poll", reply.data().getString("type"));
        return reply.data().getJsonNumber("id").longValue();
    }

    private void delete(Account author, long post) {
        assertDone(api().postForm("delete_post", "session_id", author.token(), "post_id", String.valueOf(post)),
                "Post deleted successfully");
    }

    /** A POST with the caller's session and {@code post_id} as given (any text, for refusals). */
    private Reply act(String endpoint, Account who, String postId, String... fields) {
        String[] all = new String[fields.length + 4];
        all[0] = "session_id";
        all[1] = who.token();
        all[2] = "post_id";
        all[3] = postId;
        System.arraycopy(fields, 0, all, 4, fields.length);
        return api().postForm(endpoint, all);
    }

    private Reply like(Account who, long post) {
        return act("like_post", who, String.valueOf(post));
    }

    private Reply repost(Account who, long post) {
        return act("publication_repost", who, String.valueOf(post));
    }

    private Reply bookmark(Account who, long post) {
        return act("add_bookmark", who, String.valueOf(post));
    }

    private Reply vote(Account who, long post, int option) {
        return act("vote_polls", who, String.valueOf(post), "poll_id", String.valueOf(option));
    }

    private Reply report(Account who, long post, String... fields) {
        return act("publication_report", who, String.valueOf(post), fields);
    }

    private Reply toggleFollow(Account who, Account target) {
        return api().postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    private Reply bookmarks(Account who, String... paging) {
        String[] all = new String[paging.length + 2];
        all[0] = "session_id";
        all[1] = who.token();
        System.arraycopy(paging, 0, all, 2, paging.length);
        return api().get("get_bookmarks", all);
    }

    /** fetch_likes as {@code viewer} (null: without a session). */
    private Reply likes(Account viewer, long post, String... paging) {
        List<String> params = new ArrayList<>();
        if (viewer != null) {
            params.add("session_id");
            params.add(viewer.token());
        }
        params.add("post_id");
        params.add(String.valueOf(post));
        params.addAll(List.of(paging));
        return api().get("fetch_likes", params.toArray(String[]::new));
    }

    /** A follow row as the fixtures of PostApiIT write it (the counters are not under test here). */
    private void addFollow(Account follower, Account followed) {
        Fixtures.sql(api(), "insert into follows (follower_id, following_id, status, created_at) values (?, ?, 'active', 0)",
                follower.id(), followed.id());
    }

    private void addBlock(Account blocker, Account blocked) {
        Fixtures.sql(api(), "insert into blocks (user_id, blocked_id, created_at) values (?, ?, 0)", blocker.id(), blocked.id());
    }

    private void followersOnly(Account account) {
        Fixtures.sql(api(), "update users set profile_privacy = 'followers' where id = ?", account.id());
    }

    private List<Account> accounts(int n) throws Exception {
        int threads = 5; // below the server's bodies-per-address limit
        List<List<Account>> made = Concurrently.call(threads, t -> {
            List<Account> some = new ArrayList<>();
            for (int k = t; k < n; k += threads) {
                some.add(TestAccounts.create(api()));
            }
            return some;
        });
        List<Account> all = new ArrayList<>();
        made.forEach(all::addAll);
        assertEquals(n, all.size());
        return all;
    }

    private JsonObject threadPost(Account viewer, long post) {
        Reply reply = api().get("thread_data", "session_id", viewer.token(), "thread_id", String.valueOf(post));
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonObject("post");
    }

    private List<JsonObject> feed(Account viewer) {
        Reply reply = api().get("feeds", "session_id", viewer.token(), "page_size", "50");
        if (reply.code() == 204) {
            assertError(reply, 204, "No data found");
            return List.of();
        }
        assertEnvelope(reply, 200, "Feeds fetched successfully");
        return objects(reply.data().getJsonArray("feeds"));
    }

    /** The posts tab of {@code owner}'s profile as {@code viewer} (null: without a session). */
    private List<JsonObject> profile(Account viewer, Account owner) {
        Reply reply = viewer == null
                ? api().get("profile_posts", "user_id", String.valueOf(owner.id()), "type", "posts", "page_size", "50")
                : api().get("profile_posts", "session_id", viewer.token(), "user_id", String.valueOf(owner.id()),
                        "type", "posts", "page_size", "50");
        if (reply.code() == 204) {
            assertError(reply, 204, "No data found");
            return List.of();
        }
        assertEnvelope(reply, 200, "Posts fetched successfully");
        return objects(reply.data().getJsonArray("posts"));
    }

    private JsonArray likedTab(Account owner) {
        Reply reply = api().get("profile_posts", "user_id", String.valueOf(owner.id()), "type", "likes");
        if (reply.code() == 204) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonArray("posts");
    }

    private long count(String sql, Object... args) {
        return Fixtures.number(api(), sql, args);
    }

    private long likesCount(long post) {
        return count("select likes_count from posts where id = ?", post);
    }

    private long repostsCount(long post) {
        return count("select reposts_count from posts where id = ?", post);
    }

    private long likeId(Account who, long post) {
        return count("select id from post_likes where user_id = ? and post_id = ?", who.id(), post);
    }

    private long bookmarkId(Account who, long post) {
        return count("select id from bookmarks where user_id = ? and post_id = ?", who.id(), post);
    }

    private long openReports(Account reporter, long post) {
        return count("select count(*) from post_reports where user_id = ? and post_id = ? and open_flag = 1", reporter.id(), post);
    }

    /** A poll's shape and numbers; {@code percentages} null when the test does not pin them. */
    private static void assertPoll(JsonObject poll, int hasVoted, int total, List<String> percentages, List<Integer> totals) {
        assertShape(poll, POLL);
        JsonArray options = poll.getJsonArray("options");
        options.forEach(option -> assertShape(option.asJsonObject(), POLL_OPTION));
        assertEquals(hasVoted, poll.getInt("has_voted"), poll.toString());
        assertEquals(total, poll.getInt("total"), poll.toString());
        assertEquals(totals, options.stream().map(option -> option.asJsonObject().getInt("total")).toList(), poll.toString());
        if (percentages != null) {
            assertEquals(percentages, options.stream().map(option -> option.asJsonObject().getString("percentage")).toList(),
                    poll.toString());
        }
    }

    /** Every key of the Post object with its type; a repost entry may carry more (its reposter). */
    private static void assertPostFields(JsonObject post) {
        POST.forEach((key, type) -> {
            assertTrue(post.containsKey(key), key + " missing in " + post);
            assertEquals(type, Wire.typeOf(post.get(key)), key + " in " + post);
        });
    }

    private static List<JsonObject> objects(JsonArray items) {
        return items.stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<JsonObject> entries(List<JsonObject> items, long post) {
        return items.stream().filter(item -> item.getJsonNumber("id").longValue() == post).toList();
    }

    private static JsonObject single(List<JsonObject> entries, String what) {
        assertEquals(1, entries.size(), what + ": " + entries);
        return entries.get(0);
    }

    private static List<Long> offsets(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getJsonNumber("offset_id").longValue()).toList();
    }

    private static long lastOffset(JsonArray items) {
        return items.getJsonObject(items.size() - 1).getJsonNumber("offset_id").longValue();
    }

    private static JsonObject item(JsonArray items, Account who) {
        return objects(items).stream().filter(item -> item.getJsonNumber("id").longValue() == who.id())
                .findFirst().orElseThrow(() -> new AssertionError(who.username() + " not in " + items));
    }
}
