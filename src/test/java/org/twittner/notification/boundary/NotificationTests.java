package org.twittner.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertDone;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * get_notifications and delete_notifs over HTTP, with the notifications made by the other
 * components' endpoints (like_post, publication_repost, publish_post replies and @mentions,
 * follow, follow requests and their answers): every subject with its entry, never for one's own
 * actions, never across a block, once per like however often it is toggled, gone with the post
 * it was about; each user reads and deletes only their own.
 */
public interface NotificationTests {

    ApiClient api();

    /** A notification item (contract README §2.8, plus user_id and post_id as the apps read them). */
    Map<String, Wire.Type> NOTIFICATION = shape(
            "id", NUMBER, "notifier_id", NUMBER, "recipient_id", NUMBER, "status", STRING, "subject", STRING,
            "entry_id", NUMBER, "json", STRING, "time", STRING, "username", STRING, "avatar", STRING, "verified", STRING,
            "name", STRING, "url", STRING, "user_id", NUMBER, "post_id", NUMBER);
    String BAD_TYPE = "The type of notification is missing or invalid. Please check your details";
    String BAD_IDS = "Notification IDs are missing or invalid";

    @Test
    default void everyActionOfAnotherUserNotifiesWithItsSubjectAndEntry() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account other = TestAccounts.create(api);
        Fixtures.sql(api, "UPDATE users SET first_name = ?, last_name = ?, verified = 1 WHERE id = ?", "Olga", "Other", other.id());
        long post = publish(api, me, "my post");

        assertEquals(200, follow(api, other, me).code());
        assertEquals(200, act(api, "like_post", other, post).code());
        assertEquals(200, act(api, "publication_repost", other, post).code());
        long reply = publish(api, other, "a reply", "thread_id", String.valueOf(post));
        long mention = publish(api, other, "hello @" + me.username());

        Reply notifs = notifications(api, me, "notifs");
        assertEnvelope(notifs, 200, "Fetched successfully");
        List<JsonObject> items = items(notifs);
        items.forEach(item -> assertShape(item, NOTIFICATION));
        assertEquals(List.of("reply", "repost", "like", "subscribe"), subjects(items), "newest first, mentions apart");
        assertEquals(List.of(reply, post, post, other.id()), entries(items));
        for (JsonObject item : items) {
            assertEquals(other.id(), item.getJsonNumber("notifier_id").longValue());
            assertEquals(me.id(), item.getJsonNumber("recipient_id").longValue());
            assertEquals("0", item.getString("status"), "unread the first time");
            assertEquals("[]", item.getString("json"));
            assertEquals(other.username(), item.getString("username"));
            assertEquals("Olga Other", item.getString("name"));
            assertEquals("1", item.getString("verified"));
            assertEquals(other.id(), item.getJsonNumber("user_id").longValue());
            assertTrue(item.getString("avatar").startsWith("https://"), item.toString());
        }
        assertEquals(reply, items.get(0).getJsonNumber("post_id").longValue());
        assertTrue(items.get(0).getString("url").endsWith("/thread/" + reply), items.get(0).toString());
        assertEquals(0, items.get(3).getJsonNumber("post_id").longValue(), "a follow is about no post");
        assertTrue(items.get(3).getString("url").endsWith("/@" + other.username()), items.get(3).toString());

        List<JsonObject> mentions = items(notifications(api, me, "mentions"));
        assertEquals(List.of("mention"), subjects(mentions));
        assertEquals(List.of(mention), entries(mentions));

        // reading marked them read
        assertTrue(items(notifications(api, me, "notifs")).stream().allMatch(item -> item.getString("status").equals("1")));
        assertTrue(items(notifications(api, me, "mentions")).stream().allMatch(item -> item.getString("status").equals("1")));
        // and the other user got nothing from any of it
        assertError(notifications(api, other, "notifs"), 404, "No data found");
        assertError(notifications(api, other, "mentions"), 404, "No data found");
    }

    @Test
    default void ownActionsNeverNotify() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        long post = publish(api, me, "talking to myself, @" + me.username());
        publish(api, me, "and replying", "thread_id", String.valueOf(post));
        assertEquals(200, act(api, "like_post", me, post).code());
        assertEquals(200, act(api, "publication_repost", me, post).code());
        assertEquals(400, follow(api, me, me).code());
        assertError(notifications(api, me, "notifs"), 404, "No data found");
        assertError(notifications(api, me, "mentions"), 404, "No data found");
    }

    @Test
    default void aLikeToggledOffAndOnNotifiesOnceAndAnUnlikeHidesIt() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account fan = TestAccounts.create(api);
        long post = publish(api, me, "like me");
        assertEquals(200, act(api, "like_post", fan, post).code());
        long first = items(notifications(api, me, "notifs")).get(0).getJsonNumber("id").longValue();
        assertEquals(200, act(api, "like_post", fan, post).code()); // unlike
        assertError(notifications(api, me, "notifs"), 404, "No data found");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, act(api, "like_post", fan, post).code());
            assertEquals(200, act(api, "like_post", fan, post).code());
        }
        assertEquals(200, act(api, "like_post", fan, post).code()); // liked in the end
        List<JsonObject> items = items(notifications(api, me, "notifs"));
        assertEquals(1, items.size(), items.toString());
        assertEquals(first, items.get(0).getJsonNumber("id").longValue(), "the same notification");
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", me.id()));
    }

    @Test
    default void followRequestsNotifyTheAddresseeAndAnAcceptanceTheRequester() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account asker = TestAccounts.create(api);
        Fixtures.sql(api, "UPDATE users SET follow_privacy = 'approved' WHERE id = ?", me.id());

        assertEquals(201, follow(api, asker, me).code());
        List<JsonObject> requests = items(notifications(api, me, "notifs"));
        assertEquals(List.of("subscribe_request"), subjects(requests));
        assertEquals(List.of(asker.id()), entries(requests));
        assertEquals(200, follow(api, asker, me).code()); // withdrawn
        assertError(notifications(api, me, "notifs"), 404, "No data found");

        assertEquals(201, follow(api, asker, me).code());
        long request = Fixtures.number(api, "SELECT id FROM follows WHERE follower_id = ? AND following_id = ?", asker.id(), me.id());
        assertEquals(200, api.postForm("accept_follow", "session_id", me.token(), "req_id", String.valueOf(request)).code());
        assertError(notifications(api, me, "notifs"), 404, "No data found"); // answered
        List<JsonObject> accepted = items(notifications(api, asker, "notifs"));
        assertEquals(List.of("subscribe_accept"), subjects(accepted));
        assertEquals(List.of(me.id()), entries(accepted));
        assertEquals(me.id(), accepted.get(0).getJsonNumber("notifier_id").longValue());
    }

    @Test
    default void nothingCrossesABlockAndNothingShowsAboutADeletedPost() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account pest = TestAccounts.create(api);
        Account friend = TestAccounts.create(api);
        long post = publish(api, me, "a post");
        assertEquals(200, act(api, "like_post", pest, post).code());
        assertEquals(200, act(api, "like_post", friend, post).code());
        assertEquals(2, items(notifications(api, me, "notifs")).size());

        assertDone(api.postForm("block_user", "session_id", me.token(), "user_id", String.valueOf(pest.id())),
                "User profile blocked successfully");
        List<JsonObject> left = items(notifications(api, me, "notifs"));
        assertEquals(List.of(friend.id()), left.stream().map(i -> i.getJsonNumber("notifier_id").longValue()).toList(),
                "the blocked user's notification is hidden");
        publish(api, pest, "hey @" + me.username());
        assertError(notifications(api, me, "mentions"), 404, "No data found");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND subject = 'mention'",
                me.id()), "not even stored");

        // a post deleted: its notifications no longer show
        assertEquals(200, api.postForm("delete_post", "session_id", me.token(), "post_id", String.valueOf(post)).code());
        assertError(notifications(api, me, "notifs"), 404, "No data found");
    }

    @Test
    default void getNotificationsRefusesBadTypesAndPagesByTheLastId() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        assertError(api.get("get_notifications", "type", "notifs"), 401, "Unauthorized Access");
        assertError(api.get("get_notifications", "session_id", "f".repeat(64), "type", "notifs"), 401, "Unauthorized Access");
        for (String type : new String[] {null, "", "notif", "MENTIONS", "all", "x".repeat(5000)}) {
            Reply reply = type == null ? api.get("get_notifications", "session_id", me.token())
                    : api.get("get_notifications", "session_id", me.token(), "type", type);
            assertError(reply, 400, BAD_TYPE);
        }
        assertError(notifications(api, me, "notifs"), 404, "No data found");

        List<Account> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account follower = TestAccounts.create(api);
            followers.add(follower);
            assertEquals(200, follow(api, follower, me).code());
        }
        Reply first = api.get("get_notifications", "session_id", me.token(), "type", "notifs", "page_size", "2");
        List<JsonObject> page1 = items(first);
        assertEquals(List.of(followers.get(4).id(), followers.get(3).id()), entries(page1));
        long last = page1.get(1).getJsonNumber("id").longValue();
        List<JsonObject> page2 = items(api.get("get_notifications", "session_id", me.token(), "type", "notifs",
                "page_size", "2", "offset", String.valueOf(last)));
        assertEquals(List.of(followers.get(2).id(), followers.get(1).id()), entries(page2));
        long end = page2.get(1).getJsonNumber("id").longValue();
        List<JsonObject> page3 = items(api.postForm("get_notifications", "session_id", me.token(), "type", "notifs",
                "page_size", "2", "offset", String.valueOf(end)));
        assertEquals(List.of(followers.get(0).id()), entries(page3));
        assertError(api.get("get_notifications", "session_id", me.token(), "type", "notifs", "offset",
                String.valueOf(page3.get(0).getJsonNumber("id").longValue())), 404, "No data found");
        assertEquals(5, items(api.get("get_notifications", "session_id", me.token(), "type", "notifs")).size());
    }

    @Test
    default void deleteNotifsTakesAJsonArrayOrRepeatedFieldsAndOnlyTheCallersOwn() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account someoneElse = TestAccounts.create(api);
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, follow(api, TestAccounts.create(api), me).code());
        }
        assertEquals(200, follow(api, me, someoneElse).code());
        items(notifications(api, me, "notifs")).forEach(item -> mine.add(item.getJsonNumber("id").longValue()));
        long theirs = items(notifications(api, someoneElse, "notifs")).get(0).getJsonNumber("id").longValue();

        assertError(api.postForm("delete_notifs", "scope", "[" + mine.get(0) + "]"), 401, "Unauthorized Access");
        for (String bad : new String[] {"", "[]", "abc", "[1,x]", "[1,,2]", "-3", "[0]", "1.5", "[" + "9".repeat(40) + "]"}) {
            assertError(api.postForm("delete_notifs", "session_id", me.token(), "scope", bad), 400, BAD_IDS);
        }
        assertError(api.postForm("delete_notifs", "session_id", me.token()), 400, BAD_IDS);
        assertEquals(5, Fixtures.number(api, "SELECT COUNT(*) FROM notifications WHERE recipient_id = ?", me.id()),
                "a refused list deletes nothing");

        // the Java app's JSON array, with someone else's id in it
        assertDone(api.postForm("delete_notifs", "session_id", me.token(), "scope",
                "[" + mine.get(0) + ", " + theirs + "]"), "Notifications deleted successfully");
        // repeated fields, and PHP's scope[] form
        assertDone(api.postForm("delete_notifs", "session_id", me.token(), "scope", String.valueOf(mine.get(1)),
                "scope", String.valueOf(mine.get(2))), "Notifications deleted successfully");
        assertDone(api.postMultipart("delete_notifs", "session_id", me.token(), "scope[]", String.valueOf(mine.get(3))),
                "Notifications deleted successfully");
        List<JsonObject> left = items(notifications(api, me, "notifs"));
        assertEquals(List.of(mine.get(4)), left.stream().map(i -> i.getJsonNumber("id").longValue()).toList());
        assertEquals(1, items(notifications(api, someoneElse, "notifs")).size(), "another user's notification stays");
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Reply notifications(ApiClient api, Account who, String type) {
        return api.get("get_notifications", "session_id", who.token(), "type", type);
    }

    static List<JsonObject> items(Reply reply) {
        assertEquals(200, reply.code(), reply.toString());
        JsonArray data = reply.json().getJsonArray("data");
        return data.getValuesAs(JsonObject.class);
    }

    static List<String> subjects(List<JsonObject> items) {
        return items.stream().map(item -> item.getString("subject")).toList();
    }

    static List<Long> entries(List<JsonObject> items) {
        return items.stream().map(item -> item.getJsonNumber("entry_id").longValue()).toList();
    }

    static Reply follow(ApiClient api, Account who, Account target) {
        return api.postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    static Reply act(ApiClient api, String endpoint, Account who, long post) {
        return api.postForm(endpoint, "session_id", who.token(), "post_id", String.valueOf(post));
    }

    static long publish(ApiClient api, Account author, String text, String... more) {
        String[] fields = new String[more.length + 4];
        fields[0] = "session_id";
        fields[1] = author.token();
        fields[2] = "post_text";
        fields[3] = text;
        System.arraycopy(more, 0, fields, 4, more.length);
        Reply reply = api.postForm("publish_post", fields);
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonNumber("id").longValue();
    }
}
