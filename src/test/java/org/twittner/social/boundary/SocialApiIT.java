package org.twittner.social.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
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
import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twittner.account.boundary.PasswordResetTests;
import org.twittner.account.boundary.SignInTests;
import org.twittner.message.boundary.MessageTests;
import org.twittner.notification.boundary.NotificationTests;
import org.twittner.notification.boundary.PushTests;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * The follow graph and moderation over HTTP, as the apps call them: follow (with requests for
 * accounts that approve followers), the follower lists, follow requests, blocks and profile
 * reports. Its deployment also runs what people send each other: notifications, direct
 * messages and push delivery ({@link NotificationTests}, {@link MessageTests}, {@link PushTests}),
 * and the account tests that stand in for outside services: the password reset mail with its
 * page in a real browser ({@link PasswordResetTests}) and social sign-in against stand-ins for
 * the OAuth providers ({@link SignInTests}). One server start for all of them. {@link Fixtures} switches settings that have no endpoint yet (follow_privacy,
 * profile_privacy) and reads counters back to compare them with the rows they count.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocialApiIT implements NotificationTests, MessageTests, PushTests, PasswordResetTests, SignInTests {

    /** fetch_followers / fetch_following items (README §2.5). */
    static final Map<String, Wire.Type> LISTED_USER = shape(
            "offset_id", NUMBER, "id", NUMBER, "about", STRING, "followers", NUMBER, "posts", NUMBER, "avatar", STRING,
            "last_active", STRING, "username", STRING, "fname", STRING, "lname", STRING, "email", STRING,
            "verified", STRING, "follow_privacy", STRING, "name", STRING, "url", STRING, "is_following", BOOLEAN,
            "follow_requested", BOOLEAN, "is_user", BOOLEAN);
    /** follow_requests items: no followers count, no caller flags, pending_req instead. */
    static final Map<String, Wire.Type> REQUEST = shape(
            "offset_id", NUMBER, "id", NUMBER, "about", STRING, "posts", NUMBER, "avatar", STRING,
            "last_active", STRING, "username", STRING, "fname", STRING, "lname", STRING, "email", STRING,
            "verified", STRING, "name", STRING, "url", STRING, "pending_req", BOOLEAN);

    static final String BAD_USER = "User ID is missing or invalid";
    static final String BAD_REPORTED_USER = "User id is missing or invalid";
    static final String BAD_REASON = "Report reason id is missing or invalid";
    static final String BAD_REQUEST = "Follow request ID is missing or invalid";
    static final String NOT_VIEWABLE = "This profile data is not available for viewing";
    static final String THREADS_BAD = "Thread ID is missing or invalid. Please check your details";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/twittner.war"))
                .addPackage(ApiClient.class.getPackage())
                .addClasses(SocialApiIT.class, NotificationTests.class, MessageTests.class, PushTests.class,
                        PasswordResetTests.class, SignInTests.class);
    }

    @ArquillianResource
    URL deployment;

    @Override
    public ApiClient api() {
        return new ApiClient(deployment);
    }

    ApiClient api;
    Account alice;
    Account bob;

    @BeforeEach
    void twoUsers() {
        api = new ApiClient(deployment);
        alice = TestAccounts.create(api);
        bob = TestAccounts.create(api);
    }

    // ---- follow ------------------------------------------------------------------------------

    @Test
    void followTogglesAndKeepsBothCountersEqualToTheRows() {
        Reply subscribed = follow(alice, bob);
        assertEnvelope(subscribed, 200, "Subscribed successfully");
        assertShape(subscribed.data(), shape("follow", BOOLEAN));
        assertTrue(subscribed.data().getBoolean("follow"));
        assertEquals("active", status(alice, bob));
        assertEquals(1, followerCount(bob));
        assertEquals(1, followingCount(alice));
        assertEquals(0, followerCount(alice), "one direction only");
        assertEquals(0, followingCount(bob));

        assertEquals(200, follow(bob, alice).code(), "following back is a follow of its own");
        assertEquals(1, followerCount(alice));

        Reply canceled = follow(alice, bob);
        assertEnvelope(canceled, 200, "Subscription canceled successfully");
        assertShape(canceled.data(), shape("follow", BOOLEAN));
        assertFalse(canceled.data().getBoolean("follow"));
        assertEquals("none", status(alice, bob));
        assertEquals(0, followerCount(bob));
        assertEquals(0, followingCount(alice));
        assertEquals("active", status(bob, alice), "the other direction stays");
        assertEquals(1, followingCount(bob));
    }

    @Test
    void followRefusesMissingInvalidSelfAndUnknownTargets() {
        assertError(api.postForm("follow", "session_id", alice.token()), 400, BAD_USER);
        for (String userId : List.of("", "abc", "0", "-3", "1.5", String.valueOf(alice.id()), "999999999")) {
            assertError(api.postForm("follow", "session_id", alice.token(), "user_id", userId), 400, BAD_USER);
        }
        assertError(api.postForm("follow", "user_id", String.valueOf(bob.id())), 401, "Unauthorized Access");
        assertError(api.postForm("follow", "session_id", "not-a-token", "user_id", String.valueOf(bob.id())), 401,
                "Unauthorized Access");
        assertEquals(0, Fixtures.number(api, "select count(*) from follows where follower_id = ?", alice.id()),
                "nothing written");
        assertEquals(0, followingCount(alice));
        assertEquals(0, followerCount(bob));
    }

    @Test
    void followingAnAccountThatApprovesSendsARequestThatCanBeCanceled() {
        requireApproval(bob);
        Reply requested = follow(alice, bob);
        assertEnvelope(requested, 201, "Subscription request sent successfully");
        assertShape(requested.data(), shape("follow", BOOLEAN));
        assertFalse(requested.data().getBoolean("follow"));
        assertEquals("pending", status(alice, bob));
        assertEquals(0, followerCount(bob), "a request is not a follow");
        assertEquals(0, followingCount(alice));
        assertEquals(List.of(alice.id()), ids(requests(bob)));

        Reply canceled = follow(alice, bob);
        assertEnvelope(canceled, 200, "Subscription request canceled successfully");
        assertFalse(canceled.data().getBoolean("follow"));
        assertEquals("none", status(alice, bob));
        assertError(requests(bob), 204, "No data found");
        assertEquals(0, followerCount(bob));
        assertEquals(0, followingCount(alice));

        // a follow made before the owner began approving is a follow: calling again ends it
        Account carol = TestAccounts.create(api);
        assertEquals(200, follow(carol, alice).code());
        requireApproval(alice);
        assertEnvelope(follow(carol, alice), 200, "Subscription canceled successfully");
        assertEquals(0, followerCount(alice));
        assertEquals(0, followingCount(carol));
    }

    // ---- follow_requests, accept_follow, ignore_follow ---------------------------------------

    @Test
    void followRequestsListTheCallersIncomingPendingRequestsNewestFirst() {
        Account carol = TestAccounts.create(api);
        Account dave = TestAccounts.create(api);
        assertEquals(200, follow(dave, bob).code(), "dave follows before bob approves followers");
        requireApproval(bob);
        assertEquals(201, follow(alice, bob).code());
        assertEquals(201, follow(carol, bob).code());

        Reply reply = requests(bob);
        assertEnvelope(reply, 200, "Follow requiests fetched successfully");
        JsonArray items = reply.json().getJsonArray("data");
        assertEquals(List.of(carol.id(), alice.id()), ids(items), "newest first; dave's active follow is no request");
        items.forEach(item -> assertShape(item.asJsonObject(), REQUEST));
        JsonObject first = items.getJsonObject(0);
        assertEquals(requestId(carol, bob), first.getJsonNumber("offset_id").longValue(), "offset_id is the request id");
        assertTrue(first.getBoolean("pending_req"));
        assertEquals("@" + carol.username(), first.getString("username"));
        assertEquals("Test", first.getString("fname"));
        assertEquals("User", first.getString("lname"));
        assertEquals("Test User", first.getString("name"));
        assertEquals("0", first.getString("verified"));
        assertTrue(first.getString("url").endsWith("/@" + carol.username()), first.toString());
        assertEquals("", first.getString("email"), "another user's e-mail address is not shown");

        Reply page = requests(bob, "page_size", "1");
        assertEquals(List.of(carol.id()), ids(page));
        String cursor = String.valueOf(page.json().getJsonArray("data").getJsonObject(0).getJsonNumber("offset_id").longValue());
        Reply next = requests(bob, "page_size", "1", "offset", cursor);
        assertEquals(List.of(alice.id()), ids(next));
        String last = String.valueOf(next.json().getJsonArray("data").getJsonObject(0).getJsonNumber("offset_id").longValue());
        assertError(requests(bob, "offset", last), 204, "No data found");

        assertError(requests(alice), 204, "No data found");
        assertError(requests(carol), 204, "No data found");
        assertError(api.get("follow_requests"), 401, "Unauthorized Access");
    }

    @Test
    void acceptingARequestMakesTheFollowActiveAndCountsIt() {
        Account carol = TestAccounts.create(api);
        requireApproval(bob);
        assertEquals(201, follow(alice, bob).code());
        assertEquals(201, follow(carol, bob).code());
        long request = requestId(alice, bob);

        Reply accepted = accept(bob, request);
        assertEnvelope(accepted, 200, "Subscription request successfully accepted");
        assertShape(accepted.data(), shape("total", NUMBER));
        assertEquals(1, accepted.data().getInt("total"), "carol's request still waits");
        assertEquals("active", status(alice, bob));
        assertEquals(1, followerCount(bob));
        assertEquals(1, followingCount(alice));
        assertEquals(0, followingCount(carol));
        assertEquals(List.of(carol.id()), ids(requests(bob)));
        assertEquals(List.of(alice.id()), ids(list("fetch_followers", bob, bob)), "carol's request is not listed");

        assertError(accept(bob, request), 400, BAD_REQUEST);
        assertError(ignore(bob, request), 400, BAD_REQUEST);
        assertEquals("active", status(alice, bob), "an accepted follow is no longer a request");
        assertEquals(1, followerCount(bob));

        assertEnvelope(follow(alice, bob), 200, "Subscription canceled successfully");
        assertEquals(0, followerCount(bob));
        assertEquals(0, followingCount(alice));
    }

    @Test
    void ignoringARequestDeletesItWithoutCountingAnything() {
        Account carol = TestAccounts.create(api);
        requireApproval(bob);
        assertEquals(201, follow(alice, bob).code());
        assertEquals(201, follow(carol, bob).code());

        Reply ignored = ignore(bob, requestId(carol, bob));
        assertEnvelope(ignored, 200, "Subscription request successfully deleted");
        assertShape(ignored.data(), shape("total", NUMBER));
        assertEquals(1, ignored.data().getInt("total"));
        assertEquals("none", status(carol, bob));
        assertEquals(List.of(alice.id()), ids(requests(bob)));

        Reply last = ignore(bob, requestId(alice, bob));
        assertEnvelope(last, 200, "Subscription request successfully deleted");
        assertEquals(0, last.data().getInt("total"));
        assertError(requests(bob), 204, "No data found");
        assertEquals(0, followerCount(bob));
        assertEquals(0, followingCount(alice));
        assertEquals(0, followingCount(carol));
        assertEnvelope(follow(alice, bob), 201, "Subscription request sent successfully");
    }

    @Test
    void nobodyButTheAddresseeCanAcceptOrIgnoreARequest() {
        Account carol = TestAccounts.create(api);
        requireApproval(bob);
        requireApproval(carol);
        assertEquals(201, follow(alice, bob).code());
        long request = requestId(alice, bob);

        for (Account stranger : List.of(carol, alice)) {
            assertError(accept(stranger, request), 400, BAD_REQUEST);
            assertError(ignore(stranger, request), 400, BAD_REQUEST);
        }
        assertEquals("pending", status(alice, bob), "untouched");
        assertEquals(0, followerCount(bob));
        assertEquals(0, followingCount(alice));
        assertEquals(List.of(alice.id()), ids(requests(bob)));
        assertError(requests(carol), 204, "No data found");

        assertEquals(200, accept(bob, request).code());
        assertEquals("active", status(alice, bob));
    }

    @Test
    void acceptAndIgnoreRefuseMissingUnknownAndSettledRequests() {
        Account carol = TestAccounts.create(api);
        assertEquals(200, follow(carol, bob).code());
        long activeFollow = Fixtures.number(api, "select id from follows where follower_id = ? and following_id = ?",
                carol.id(), bob.id());
        requireApproval(bob);
        assertEquals(201, follow(alice, bob).code());
        for (String endpoint : List.of("accept_follow", "ignore_follow")) {
            assertError(api.postForm(endpoint, "session_id", bob.token()), 400, BAD_REQUEST);
            for (String id : List.of("", "abc", "0", "-1", "999999999", String.valueOf(activeFollow))) {
                assertError(api.postForm(endpoint, "session_id", bob.token(), "req_id", id), 400, BAD_REQUEST);
            }
            assertError(api.postForm(endpoint, "req_id", String.valueOf(requestId(alice, bob))), 401, "Unauthorized Access");
        }
        assertEquals("active", status(carol, bob), "an active follow cannot be ignored away");
        assertEquals("pending", status(alice, bob));
        assertEquals(1, followerCount(bob));
        assertEquals(0, followingCount(alice));
    }

    // ---- fetch_followers, fetch_following ----------------------------------------------------

    @Test
    void fetchFollowersListsNewestFirstWithFlagsForTheCaller() {
        Account carol = TestAccounts.create(api);
        Account dave = TestAccounts.create(api);
        publish(carol, "post_text", "carol's only post");
        assertEquals(200, follow(alice, bob).code());
        assertEquals(200, follow(carol, bob).code());
        assertEquals(200, follow(dave, bob).code());
        assertEquals(200, follow(alice, carol).code());
        requireApproval(dave);
        assertEquals(201, follow(alice, dave).code());

        Reply reply = list("fetch_followers", alice, bob);
        assertEnvelope(reply, 200, "Followers fetched successfully");
        JsonArray items = reply.json().getJsonArray("data");
        assertEquals(List.of(dave.id(), carol.id(), alice.id()), ids(items), "newest relation first");
        items.forEach(item -> assertShape(item.asJsonObject(), LISTED_USER));
        List<Long> cursors = offsets(items);
        assertEquals(List.of(followId(dave, bob), followId(carol, bob), followId(alice, bob)), cursors,
                "offset_id is the follows row id");

        JsonObject me = item(items, alice);
        assertTrue(me.getBoolean("is_user"));
        assertEquals(alice.email(), me.getString("email"), "the caller sees their own address");
        assertFalse(me.getBoolean("is_following"));

        JsonObject carols = item(items, carol);
        assertFalse(carols.getBoolean("is_user"));
        assertEquals("", carols.getString("email"));
        assertTrue(carols.getBoolean("is_following"), "alice follows carol");
        assertFalse(carols.getBoolean("follow_requested"));
        assertEquals(1, carols.getInt("followers"));
        assertEquals(1, carols.getInt("posts"));
        assertEquals("@" + carol.username(), carols.getString("username"));
        assertEquals("Test User", carols.getString("name"));
        assertEquals("0", carols.getString("verified"));
        assertEquals("everyone", carols.getString("follow_privacy"));
        assertTrue(carols.getString("url").endsWith("/@" + carol.username()), carols.toString());

        JsonObject daves = item(items, dave);
        assertEquals("approved", daves.getString("follow_privacy"));
        assertTrue(daves.getBoolean("follow_requested"), "alice's request to dave waits");
        assertFalse(daves.getBoolean("is_following"), "a request is not a follow");

        // the flags are the caller's, not the listed profile's owner's
        JsonArray carolsView = list("fetch_followers", carol, bob).json().getJsonArray("data");
        assertTrue(item(carolsView, carol).getBoolean("is_user"));
        assertFalse(item(carolsView, alice).getBoolean("is_user"));
        assertEquals("", item(carolsView, alice).getString("email"));
        assertFalse(item(carolsView, dave).getBoolean("follow_requested"));
        assertFalse(item(carolsView, carol).getBoolean("is_following"));

        JsonArray anonymous = list("fetch_followers", null, bob).json().getJsonArray("data");
        assertEquals(List.of(dave.id(), carol.id(), alice.id()), ids(anonymous));
        for (JsonValue item : anonymous) {
            assertFalse(item.asJsonObject().getBoolean("is_user"));
            assertFalse(item.asJsonObject().getBoolean("is_following"));
            assertEquals("", item.asJsonObject().getString("email"));
        }
    }

    @Test
    void fetchFollowingListsActiveFollowsOnlyNewestFirst() {
        Account carol = TestAccounts.create(api);
        Account dave = TestAccounts.create(api);
        requireApproval(dave);
        assertEquals(200, follow(alice, bob).code());
        assertEquals(201, follow(alice, dave).code());
        assertEquals(200, follow(alice, carol).code());
        assertEquals(200, follow(bob, carol).code());

        Reply reply = list("fetch_following", bob, alice);
        assertEnvelope(reply, 200, "Following fetched successfully");
        JsonArray items = reply.json().getJsonArray("data");
        assertEquals(List.of(carol.id(), bob.id()), ids(items), "newest first; the pending request to dave is not listed");
        items.forEach(item -> assertShape(item.asJsonObject(), LISTED_USER));
        assertEquals(List.of(followId(alice, carol), followId(alice, bob)), offsets(items));
        assertTrue(item(items, bob).getBoolean("is_user"));
        assertEquals(bob.email(), item(items, bob).getString("email"));
        assertTrue(item(items, carol).getBoolean("is_following"), "bob follows carol too");
        assertEquals(2, item(items, carol).getInt("followers"));

        assertEquals(200, accept(dave, requestId(alice, dave)).code());
        List<Account> byRow = new ArrayList<>(List.of(bob, carol, dave));
        byRow.sort(Comparator.comparingLong((Account followed) -> followId(alice, followed)).reversed());
        assertEquals(byRow.stream().map(Account::id).toList(), ids(list("fetch_following", null, alice)),
                "the accepted request is listed, by its follow row like the others");
        assertError(list("fetch_following", alice, carol), 204, "No data found");
    }

    @Test
    void followerListsPageByTheLastOffsetIdWithTwentyByDefault() {
        // 21 followers written directly: many accounts without 21 sign-ups
        String prefix = "f" + bob.id() + "x";
        StringBuilder users = new StringBuilder("insert into users (username, username_key, email, email_key, password_hash,"
                + " first_name, last_name, joined_at, last_active_at) values ");
        for (int i = 0; i < 21; i++) {
            users.append(i == 0 ? "" : ",").append("('").append(prefix).append(i).append("','").append(prefix).append(i)
                    .append("','").append(prefix).append(i).append("@example.com','").append(prefix).append(i)
                    .append("@example.com','x','Bulk','User',0,0)");
        }
        Fixtures.sql(api, users.toString());
        Fixtures.sql(api, "insert into follows (follower_id, following_id, status, created_at)"
                + " select id, ?, 'active', 0 from users where username like ?", bob.id(), prefix + "%");
        Set<Long> expected = new HashSet<>(Fixtures.sql(api, "select id from users where username like ?", prefix + "%")
                .stream().map(Long::valueOf).toList());
        assertEquals(21, expected.size());

        Reply first = list("fetch_followers", alice, bob);
        JsonArray firstItems = first.json().getJsonArray("data");
        assertEquals(20, firstItems.size(), "page_size defaults to 20");
        assertEquals(ids(firstItems), ids(list("fetch_followers", alice, bob, "offset", "0").json().getJsonArray("data")),
                "offset 0 is the first page");
        JsonArray second = list("fetch_followers", alice, bob, "offset", String.valueOf(lastOffset(firstItems)))
                .json().getJsonArray("data");
        assertEquals(1, second.size());
        assertError(list("fetch_followers", alice, bob, "offset", String.valueOf(lastOffset(second))), 204, "No data found");

        List<Long> seen = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        String offset = "";
        for (int page = 0; page < 10; page++) {
            Reply reply = list("fetch_followers", alice, bob, "page_size", "6", "offset", offset);
            if (reply.code() == 204) {
                break;
            }
            JsonArray items = reply.json().getJsonArray("data");
            assertTrue(items.size() <= 6, reply.toString());
            seen.addAll(ids(items));
            cursors.addAll(offsets(items));
            offset = String.valueOf(lastOffset(items));
        }
        assertEquals(21, seen.size(), "no repeats: " + seen);
        assertEquals(expected, new HashSet<>(seen), "no gaps");
        for (int i = 1; i < cursors.size(); i++) {
            assertTrue(cursors.get(i) < cursors.get(i - 1), "newest relation first: " + cursors);
        }

        Fixtures.sql(api, "insert into follows (follower_id, following_id, status, created_at)"
                + " select ?, id, 'active', 0 from users where username like ?", alice.id(), prefix + "%");
        JsonArray following = list("fetch_following", null, alice, "page_size", "25").json().getJsonArray("data");
        assertEquals(expected, new HashSet<>(ids(following)));
    }

    @Test
    void listsOfAFollowersOnlyProfileNeedAnAcceptedFollow() {
        Account carol = TestAccounts.create(api);
        assertEquals(200, follow(bob, carol).code());
        Fixtures.sql(api, "update users set profile_privacy = 'followers' where id = ?", carol.id());
        for (String endpoint : List.of("fetch_followers", "fetch_following")) {
            assertError(list(endpoint, null, carol), 400, NOT_VIEWABLE);
            assertError(list(endpoint, alice, carol), 400, NOT_VIEWABLE);
        }
        assertEquals(List.of(bob.id()), ids(list("fetch_followers", bob, carol)));
        assertError(list("fetch_following", bob, carol), 204, "No data found"); // viewable, and empty
        assertEquals(List.of(bob.id()), ids(list("fetch_followers", carol, carol)), "the owner sees their own lists");

        requireApproval(carol);
        assertEquals(201, follow(alice, carol).code());
        assertError(list("fetch_followers", alice, carol), 400, NOT_VIEWABLE);
        assertEquals(200, accept(carol, requestId(alice, carol)).code());
        assertEquals(List.of(alice.id(), bob.id()), ids(list("fetch_followers", alice, carol)));
    }

    @Test
    void followerListsRefuseBadIdsAndAnswerEmptyLists() {
        for (String endpoint : List.of("fetch_followers", "fetch_following")) {
            assertError(api.get(endpoint, "session_id", alice.token()), 400, BAD_USER);
            assertError(api.get(endpoint, "session_id", alice.token(), "user_id", "abc"), 400, BAD_USER);
            assertError(api.get(endpoint, "user_id", "abc"), 400, BAD_USER);
            assertError(api.get(endpoint, "session_id", alice.token(), "user_id", "999999999"), 404,
                    "User with this ID does not exist");
            assertError(api.get(endpoint, "user_id", "999999999"), 404, "User with this ID does not exist");
            assertError(list(endpoint, alice, bob), 204, "No data found");
            assertError(list(endpoint, null, alice), 204, "No data found");
        }
    }

    // ---- block_user --------------------------------------------------------------------------

    @Test
    void blockingTogglesAndEndsFollowsBothWays() {
        Account carol = TestAccounts.create(api);
        assertEquals(200, follow(alice, bob).code());
        assertEquals(200, follow(bob, alice).code());
        assertEquals(200, follow(carol, alice).code());
        assertEquals(200, follow(carol, bob).code());

        assertDone(block(alice, bob), "User profile blocked successfully");
        assertEquals(1, Fixtures.number(api, "select count(*) from blocks where user_id = ? and blocked_id = ?", alice.id(), bob.id()));
        assertEquals("none", status(alice, bob));
        assertEquals("none", status(bob, alice));
        assertEquals(1, followerCount(alice), "carol still follows alice");
        assertEquals(0, followingCount(alice));
        assertEquals(1, followerCount(bob), "carol still follows bob");
        assertEquals(0, followingCount(bob));
        assertEquals(2, followingCount(carol));

        assertDone(block(alice, bob), "User profile unblocked successfully");
        assertEquals(0, Fixtures.number(api, "select count(*) from blocks where user_id = ? and blocked_id = ?", alice.id(), bob.id()));
        assertEquals("none", status(alice, bob), "unblocking restores no follow");
        assertEquals(0, followingCount(alice));
        assertEnvelope(follow(bob, alice), 200, "Subscribed successfully");
        assertEquals(2, followerCount(alice));
    }

    @Test
    void blockingDropsPendingRequestsBothWays() {
        Account carol = TestAccounts.create(api);
        requireApproval(bob);
        requireApproval(carol);
        assertEquals(201, follow(alice, bob).code());
        assertEquals(201, follow(alice, carol).code());

        assertDone(block(bob, alice), "User profile blocked successfully");
        assertEquals("none", status(alice, bob), "the blocked user's request to the blocker is gone");
        assertError(requests(bob), 204, "No data found");

        assertDone(block(alice, carol), "User profile blocked successfully");
        assertEquals("none", status(alice, carol), "the blocker's own request is gone");
        assertError(requests(carol), 204, "No data found");
        assertEquals(0, followerCount(bob));
        assertEquals(0, followerCount(carol));
        assertEquals(0, followingCount(alice));
    }

    @Test
    void blockUserRefusesMissingInvalidSelfAndUnknownUsers() {
        assertError(api.postForm("block_user", "session_id", alice.token()), 400, BAD_USER);
        for (String userId : List.of("", "abc", "0", "-2", String.valueOf(alice.id()), "999999999")) {
            assertError(api.postForm("block_user", "session_id", alice.token(), "user_id", userId), 400, BAD_USER);
        }
        assertError(api.postForm("block_user", "user_id", String.valueOf(bob.id())), 401, "Unauthorized Access");
        assertEquals(0, Fixtures.number(api, "select count(*) from blocks where user_id = ? or blocked_id = ?", alice.id(), alice.id()));
    }

    @Test
    void blockedUsersCannotFollowOrReplyToEachOther() {
        long alicesPost = publish(alice, "post_text", "alice's").data().getJsonNumber("id").longValue();
        long bobsPost = publish(bob, "post_text", "bob's").data().getJsonNumber("id").longValue();
        assertDone(block(alice, bob), "User profile blocked successfully");

        assertError(follow(bob, alice), 400, BAD_USER);
        assertError(follow(alice, bob), 400, BAD_USER);
        requireApproval(alice);
        assertError(follow(bob, alice), 400, BAD_USER); // no request either
        assertEquals("none", status(alice, bob));
        assertEquals("none", status(bob, alice));
        assertEquals(0, followerCount(alice));
        assertEquals(0, followerCount(bob));

        assertError(reply(bob, alicesPost), 400, THREADS_BAD);
        assertError(reply(alice, bobsPost), 400, THREADS_BAD);
        assertEquals(0, Fixtures.number(api, "select count(*) from posts where thread_id in (?, ?)", alicesPost, bobsPost));

        assertDone(block(alice, bob), "User profile unblocked successfully");
        assertEquals(201, follow(bob, alice).code());
        assertEquals(200, reply(bob, alicesPost).code());
    }

    @Test
    void blockedUsersVanishFromEachOthersFollowerLists() {
        Account carol = TestAccounts.create(api);
        assertEquals(200, follow(alice, carol).code());
        assertEquals(200, follow(bob, carol).code());
        assertEquals(200, follow(carol, alice).code());
        assertEquals(200, follow(carol, bob).code());
        assertDone(block(alice, bob), "User profile blocked successfully");

        assertEquals(List.of(bob.id(), alice.id()), ids(list("fetch_followers", carol, carol)));
        assertEquals(List.of(bob.id(), alice.id()), ids(list("fetch_followers", null, carol)));
        assertEquals(List.of(bob.id()), ids(list("fetch_followers", bob, carol)), "who blocked bob is left out");
        assertEquals(List.of(alice.id()), ids(list("fetch_followers", alice, carol)), "whom alice blocked is left out");
        assertEquals(List.of(bob.id()), ids(list("fetch_following", bob, carol)));
        assertEquals(List.of(alice.id()), ids(list("fetch_following", alice, carol)));

        for (String endpoint : List.of("fetch_followers", "fetch_following")) {
            assertError(list(endpoint, bob, alice), 400, NOT_VIEWABLE);
            assertError(list(endpoint, alice, bob), 400, NOT_VIEWABLE);
        }
        assertEquals(List.of(carol.id()), ids(list("fetch_followers", null, alice)), "others still see alice's lists");
    }

    // ---- profile_report ----------------------------------------------------------------------

    @Test
    void aSecondProfileReportReplacesTheOpenOne() {
        Account carol = TestAccounts.create(api);
        assertDone(report(alice, String.valueOf(bob.id()), "reason", "2", "comment", "pretends to be me"),
                "Report sent successfully");
        assertEquals(1, openReports(alice, bob));
        assertEquals(2, Fixtures.number(api, "select reason from profile_reports where user_id = ? and reported_id = ? and open_flag = 1",
                alice.id(), bob.id()));
        assertEquals(List.of("pretends to be me"), Fixtures.sql(api,
                "select comment from profile_reports where user_id = ? and reported_id = ? and open_flag = 1", alice.id(), bob.id()));

        assertDone(report(alice, String.valueOf(bob.id()), "reason", "4", "comment", "a fake account"), "Report sent successfully");
        assertEquals(1, Fixtures.number(api, "select count(*) from profile_reports where user_id = ? and reported_id = ?",
                alice.id(), bob.id()), "replaced, not added");
        assertEquals(1, openReports(alice, bob));
        assertEquals(4, Fixtures.number(api, "select reason from profile_reports where user_id = ? and reported_id = ? and open_flag = 1",
                alice.id(), bob.id()));
        assertEquals(List.of("a fake account"), Fixtures.sql(api,
                "select comment from profile_reports where user_id = ? and reported_id = ? and open_flag = 1", alice.id(), bob.id()));

        assertDone(report(carol, String.valueOf(bob.id()), "reason", "6"), "Report sent successfully");
        assertEquals(List.of(""), Fixtures.sql(api, "select comment from profile_reports where user_id = ? and reported_id = ?",
                carol.id(), bob.id()), "the comment is optional");
        assertEquals(2, Fixtures.number(api, "select count(*) from profile_reports where reported_id = ? and open_flag = 1", bob.id()),
                "another reporter's report is a report of its own");

        assertDone(report(alice, String.valueOf(bob.id()), "reason", "1", "comment", "é".repeat(3000)), "Report sent successfully");
        assertEquals(2900, Fixtures.number(api, "select char_length(comment) from profile_reports where user_id = ? and reported_id = ?"
                + " and open_flag = 1", alice.id(), bob.id()));

        // once a moderator has reviewed it, a new report is a new open report
        Fixtures.sql(api, "update profile_reports set open_flag = null where user_id = ? and reported_id = ?", alice.id(), bob.id());
        assertDone(report(alice, String.valueOf(bob.id()), "reason", "3"), "Report sent successfully");
        assertEquals(1, openReports(alice, bob));
        assertEquals(2, Fixtures.number(api, "select count(*) from profile_reports where user_id = ? and reported_id = ?",
                alice.id(), bob.id()));
    }

    @Test
    void profileReportRefusesBadUsersAndReasons() {
        assertError(api.postForm("profile_report", "session_id", alice.token(), "reason", "1"), 400, BAD_REPORTED_USER);
        for (String userId : List.of("", "abc", "0", String.valueOf(alice.id()), "999999999")) {
            assertError(report(alice, userId, "reason", "1"), 400, BAD_REPORTED_USER);
        }
        assertError(report(alice, String.valueOf(bob.id())), 400, BAD_REASON);
        for (String reason : List.of("", "0", "7", "-1", "abc")) {
            assertError(report(alice, String.valueOf(bob.id()), "reason", reason), 400, BAD_REASON);
        }
        assertError(api.postForm("profile_report", "user_id", String.valueOf(bob.id()), "reason", "1"), 401, "Unauthorized Access");
        assertEquals(0, Fixtures.number(api, "select count(*) from profile_reports where user_id = ?", alice.id()), "nothing stored");
    }

    // ---- concurrency -------------------------------------------------------------------------

    @Test
    void simultaneousFollowTogglesByOneUserEndInADefinedState() throws Exception {
        for (int n : List.of(2, 7)) {
            long before = activeFollows(alice, bob);
            List<Reply> replies = Concurrently.call(n, i -> Concurrently.unlessBusy(() -> follow(alice, bob)));
            int on = 0;
            int off = 0;
            for (Reply reply : replies) {
                assertEquals(200, reply.code(), reply.toString());
                boolean follows = reply.data().getBoolean("follow");
                assertEquals(follows ? "Subscribed successfully" : "Subscription canceled successfully",
                        reply.json().getString("message"));
                if (follows) {
                    on++;
                } else {
                    off++;
                }
            }
            long after = activeFollows(alice, bob);
            assertTrue(after == 0 || after == 1, "at most one follow row: " + after);
            assertEquals(after - before, on - off, "the answers tell the changes: " + replies);
            assertEquals(after, followerCount(bob));
            assertEquals(after, followingCount(alice));
        }

        // requests to an account that approves: sent and canceled, never counted
        Account carol = TestAccounts.create(api);
        requireApproval(carol);
        List<Reply> replies = Concurrently.call(7, i -> Concurrently.unlessBusy(() -> follow(alice, carol)));
        int sent = 0;
        int canceled = 0;
        for (Reply reply : replies) {
            if (reply.code() == 201) {
                assertEnvelope(reply, 201, "Subscription request sent successfully");
                sent++;
            } else {
                assertEnvelope(reply, 200, "Subscription request canceled successfully");
                canceled++;
            }
            assertFalse(reply.data().getBoolean("follow"));
        }
        long pending = Fixtures.number(api, "select count(*) from follows where follower_id = ? and following_id = ?",
                alice.id(), carol.id());
        assertTrue(pending == 0 || pending == 1, "at most one request row: " + pending);
        assertEquals(pending, sent - canceled, replies.toString());
        assertEquals(0, followerCount(carol));
    }

    @Test
    void acceptAndIgnoreRacingForOneRequestSettleItOnce() throws Exception {
        requireApproval(bob);
        assertEquals(201, follow(alice, bob).code());
        long request = requestId(alice, bob);
        List<Reply> replies = Concurrently.call(6, i -> Concurrently.unlessBusy(() -> i % 2 == 0 ? accept(bob, request) : ignore(bob, request)));
        List<Reply> won = replies.stream().filter(reply -> reply.code() == 200).toList();
        assertEquals(1, won.size(), replies.toString());
        replies.stream().filter(reply -> reply.code() != 200).forEach(reply -> assertError(reply, 400, BAD_REQUEST));
        assertEquals(0, won.get(0).data().getInt("total"));
        if (won.get(0).json().getString("message").equals("Subscription request successfully accepted")) {
            assertEquals("active", status(alice, bob));
            assertEquals(1, followerCount(bob));
            assertEquals(1, followingCount(alice));
        } else {
            assertEquals("Subscription request successfully deleted", won.get(0).json().getString("message"));
            assertEquals("none", status(alice, bob));
            assertEquals(0, followerCount(bob));
            assertEquals(0, followingCount(alice));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Reply follow(Account who, Account target) {
        return api.postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    private Reply block(Account who, Account target) {
        return api.postForm("block_user", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    private Reply accept(Account owner, long requestId) {
        return api.postForm("accept_follow", "session_id", owner.token(), "req_id", String.valueOf(requestId));
    }

    private Reply ignore(Account owner, long requestId) {
        return api.postForm("ignore_follow", "session_id", owner.token(), "req_id", String.valueOf(requestId));
    }

    private Reply requests(Account owner, String... paging) {
        String[] all = new String[paging.length + 2];
        all[0] = "session_id";
        all[1] = owner.token();
        System.arraycopy(paging, 0, all, 2, paging.length);
        return api.get("follow_requests", all);
    }

    private Reply report(Account who, String userId, String... fields) {
        String[] all = new String[fields.length + 4];
        all[0] = "session_id";
        all[1] = who.token();
        all[2] = "user_id";
        all[3] = userId;
        System.arraycopy(fields, 0, all, 4, fields.length);
        return api.postForm("profile_report", all);
    }

    /** fetch_followers or fetch_following of {@code owner}, as {@code viewer} (null: without a session). */
    private Reply list(String endpoint, Account viewer, Account owner, String... paging) {
        List<String> params = new ArrayList<>();
        if (viewer != null) {
            params.add("session_id");
            params.add(viewer.token());
        }
        params.add("user_id");
        params.add(String.valueOf(owner.id()));
        params.addAll(List.of(paging));
        return api.get(endpoint, params.toArray(String[]::new));
    }

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

    private void requireApproval(Account account) {
        Fixtures.sql(api, "update users set follow_privacy = 'approved' where id = ?", account.id());
    }

    /** active, pending, or none. */
    private String status(Account follower, Account followed) {
        List<String> rows = Fixtures.sql(api, "select status from follows where follower_id = ? and following_id = ?",
                follower.id(), followed.id());
        assertTrue(rows.size() <= 1, rows.toString());
        return rows.isEmpty() ? "none" : rows.get(0);
    }

    private long requestId(Account follower, Account followed) {
        return Fixtures.number(api, "select id from follows where follower_id = ? and following_id = ? and status = 'pending'",
                follower.id(), followed.id());
    }

    private long followId(Account follower, Account followed) {
        return Fixtures.number(api, "select id from follows where follower_id = ? and following_id = ? and status = 'active'",
                follower.id(), followed.id());
    }

    private long activeFollows(Account follower, Account followed) {
        return Fixtures.number(api, "select count(*) from follows where follower_id = ? and following_id = ? and status = 'active'",
                follower.id(), followed.id());
    }

    private long followerCount(Account account) {
        return Fixtures.number(api, "select follower_count from users where id = ?", account.id());
    }

    private long followingCount(Account account) {
        return Fixtures.number(api, "select following_count from users where id = ?", account.id());
    }

    private long openReports(Account reporter, Account reported) {
        return Fixtures.number(api, "select count(*) from profile_reports where user_id = ? and reported_id = ? and open_flag = 1",
                reporter.id(), reported.id());
    }

    private static List<Long> offsets(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getJsonNumber("offset_id").longValue()).toList();
    }

    private static long lastOffset(JsonArray items) {
        return items.getJsonObject(items.size() - 1).getJsonNumber("offset_id").longValue();
    }

    private static JsonObject item(JsonArray items, Account who) {
        return items.stream().map(JsonValue::asJsonObject).filter(item -> item.getJsonNumber("id").longValue() == who.id())
                .findFirst().orElseThrow(() -> new AssertionError(who.username() + " not in " + items));
    }
}
