package org.twittner.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.assertDone;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.FcmStandIn;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;

/**
 * Push delivery through the FCM HTTP v1 API, against {@link FcmStandIn} (Google's token endpoint
 * and FCM on 127.0.0.1, as the test servers are configured): a push per device of the recipient
 * for notifications and messages, signed access tokens, a retry after a failure, removal of a
 * token FCM reports as unregistered, no push twice while two delivery lanes compete for the
 * outbox, and requests that never wait for FCM.
 */
public interface PushTests {

    ApiClient api();

    /** Long enough for the 1-second poll and 1-second retries of the test servers. */
    long WAIT_SECONDS = 20;

    @Test
    default void aLikeAndAMessageArePushedToEveryDeviceOfTheRecipient() throws Exception {
        ApiClient api = api();
        FcmStandIn fcm = FcmStandIn.get();
        Account author = TestAccounts.create(api);
        Account fan = TestAccounts.create(api);
        Fixtures.sql(api, "UPDATE users SET first_name = ?, last_name = ? WHERE id = ?", "Fanny", "Fan", fan.id());
        String android = FcmStandIn.deviceToken("android");
        String iphone = FcmStandIn.deviceToken("ios");
        saveToken(api, author.token(), android, "android");
        saveToken(api, secondDevice(api, author), iphone, "ios");
        long post = NotificationTests.publish(api, author, "push me");

        assertEquals(200, api.postForm("like_post", "session_id", fan.token(), "post_id", String.valueOf(post)).code());
        List<JsonObject> toAndroid = fcm.await(android, 1, WAIT_SECONDS);
        List<JsonObject> toIphone = fcm.await(iphone, 1, WAIT_SECONDS);
        assertEquals(1, toAndroid.size(), "the Android device got the like");
        assertEquals(1, toIphone.size(), "the iPhone got the like");
        // Android: a data message on the apps' channel, as the reference sends it
        JsonObject data = toAndroid.get(0).getJsonObject("data");
        assertEquals("like", data.getString("type"));
        assertEquals(String.valueOf(post), data.getString("post_id"));
        assertEquals("Fanny Fan", data.getString("title"));
        assertEquals("Liked your post", data.getString("body"));
        assertEquals("colibri", data.getString("android_channel_id"));
        assertFalse(toAndroid.get(0).containsKey("notification"));
        // iOS: a notification with badge and sound, and the same data
        JsonObject ios = toIphone.get(0);
        assertEquals("Fanny Fan", ios.getJsonObject("notification").getString("title"));
        assertEquals("Liked your post", ios.getJsonObject("notification").getString("body"));
        assertEquals(1, ios.getJsonObject("apns").getJsonObject("payload").getJsonObject("aps").getInt("badge"));
        assertEquals(String.valueOf(post), ios.getJsonObject("data").getString("post_id"));
        assertEquals(List.of(), fcm.refusedAssertions(), "every JWT assertion was signed with the key file's key");

        Reply sent = api.postForm("send_message", "session_id", fan.token(), "user_id", String.valueOf(author.id()),
                "type", "text", "message", "hello there");
        assertEquals(200, sent.code(), sent.toString());
        JsonObject chat = fcm.await(android, 2, WAIT_SECONDS).get(1).getJsonObject("data");
        assertEquals("chat_message", chat.getString("type"));
        assertEquals("hello there", chat.getString("body"));
        assertEquals(String.valueOf(fan.id()), chat.getString("user_id"));
        assertEquals(String.valueOf(sent.data().getJsonNumber("id").longValue()), chat.getString("message_id"));
        assertEquals(2, fcm.await(iphone, 2, WAIT_SECONDS).size());
        awaitOutboxEmptyFor(api, author);

        // nothing for the fan's own like of their own post, and nothing for a device that signed out
        assertDone(api.postForm("logout", "session_id", author.token()), "Signout successful");
        long own = NotificationTests.publish(api, fan, "mine");
        assertEquals(200, api.postForm("like_post", "session_id", fan.token(), "post_id", String.valueOf(own)).code());
        assertEquals(200, api.postForm("like_post", "session_id", fan.token(), "post_id", String.valueOf(post)).code()); // off
        assertEquals(200, api.postForm("like_post", "session_id", fan.token(), "post_id", String.valueOf(post)).code()); // on again
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM push_outbox o JOIN push_tokens t ON t.session_id = o.session_id"
                + " WHERE t.user_id = ?", author.id()), "a like given again is not pushed again");
        Thread.sleep(2500);
        assertEquals(2, fcm.messagesTo(android).size(), "the signed-out device gets nothing more");
        assertEquals(2, fcm.messagesTo(iphone).size(), "a like given again is not pushed again");
    }

    @Test
    default void aFailedPushIsTriedAgainAndDeliveredOnce() throws Exception {
        ApiClient api = api();
        FcmStandIn fcm = FcmStandIn.get();
        Account user = TestAccounts.create(api);
        Account follower = TestAccounts.create(api);
        String flaky = FcmStandIn.deviceToken("flaky");
        saveToken(api, user.token(), flaky, "android");

        assertEquals(200, NotificationTests.follow(api, follower, user).code());
        List<JsonObject> received = fcm.await(flaky, 1, WAIT_SECONDS);
        assertEquals(1, received.size(), "delivered after FCM's 503");
        assertEquals(2, fcm.attemptsFor(flaky), "one failure, one success");
        assertEquals("subscribe", received.get(0).getJsonObject("data").getString("type"));
        assertEquals(String.valueOf(follower.id()), received.get(0).getJsonObject("data").getString("user_id"));
        awaitOutboxEmptyFor(api, user);
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM push_tokens WHERE user_id = ?", user.id()),
                "a temporary failure keeps the token");
    }

    @Test
    default void aPushStillQueuedWhenTheRecipientBlocksItsCauseIsNotSent() throws Exception {
        ApiClient api = api();
        FcmStandIn fcm = FcmStandIn.get();
        Account user = TestAccounts.create(api);
        Account follower = TestAccounts.create(api);
        String flaky = FcmStandIn.deviceToken("flaky"); // FCM answers its first push 503: retried a second later
        saveToken(api, user.token(), flaky, "android");

        assertEquals(200, NotificationTests.follow(api, follower, user).code());
        assertEquals(200, api.postForm("block_user", "session_id", user.token(), "user_id", String.valueOf(follower.id())).code());
        awaitOutboxEmptyFor(api, user);
        assertTrue(fcm.attemptsFor(flaky) <= 1, "the retry after the block was not sent");
        assertEquals(List.of(), fcm.messagesTo(flaky), "nothing from the blocked account reached the phone");
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM push_tokens WHERE user_id = ?", user.id()),
                "the device keeps its token");
    }

    @Test
    default void aTokenThatFcmNoLongerKnowsIsRemoved() throws Exception {
        ApiClient api = api();
        FcmStandIn fcm = FcmStandIn.get();
        Account user = TestAccounts.create(api);
        Account follower = TestAccounts.create(api);
        String dead = FcmStandIn.deviceToken("dead");
        String alive = FcmStandIn.deviceToken("alive");
        String proxied = FcmStandIn.deviceToken("proxy404");
        saveToken(api, user.token(), dead, "android");
        saveToken(api, secondDevice(api, user), alive, "android");
        saveToken(api, secondDevice(api, user), proxied, "android");

        assertEquals(200, NotificationTests.follow(api, follower, user).code());
        assertEquals(1, fcm.await(alive, 1, WAIT_SECONDS).size());
        long end = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while ((Fixtures.number(api, "SELECT COUNT(*) FROM push_tokens WHERE user_id = ?", user.id()) > 2
                || fcm.attemptsFor(proxied) == 0) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(2, Fixtures.number(api, "SELECT COUNT(*) FROM push_tokens WHERE user_id = ?", user.id()),
                "the unregistered token is gone; the other devices' stay, a bare 404 is no verdict on a token");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM push_tokens WHERE user_id = ? AND token = ?", user.id(), dead));
        assertEquals(1, fcm.attemptsFor(dead), "tried once, not retried");
        assertEquals(1, fcm.attemptsFor(proxied), "refused, not retried");

        assertEquals(200, NotificationTests.follow(api, follower, user).code()); // off
        Account second = TestAccounts.create(api);
        assertEquals(200, NotificationTests.follow(api, second, user).code());
        assertEquals(2, fcm.await(alive, 2, WAIT_SECONDS).size());
        assertEquals(1, fcm.attemptsFor(dead), "nothing more is sent to the removed token");
    }

    @Test
    default void pushesAreNeverSentTwiceWhileWorkersCompeteAndRequestsNeverWaitForFcm() throws Exception {
        ApiClient api = api();
        FcmStandIn fcm = FcmStandIn.get();
        Account star = TestAccounts.create(api);
        String held = FcmStandIn.deviceToken("held");
        saveToken(api, star.token(), held, "android");
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fans.add(TestAccounts.create(api));
        }
        // FCM holds its answers (the first push waits in the stand-in) while every follow is answered
        List<Reply> follows = Concurrently.call(fans.size(), i ->
                NotificationTests.follow(api, fans.get(i), star));
        assertTrue(follows.stream().allMatch(reply -> reply.code() == 200), follows.toString());
        assertTrue(fcm.messagesTo(held).isEmpty(), "FCM has answered nothing yet, and every follow was answered");
        fcm.release();
        for (int i = 0; i < 40 && fcm.messagesTo(held).size() < fans.size(); i++) {
            fcm.release(); // each held push waits for its own release
            Thread.sleep(250);
        }
        List<JsonObject> received = fcm.await(held, fans.size(), WAIT_SECONDS);
        Set<String> expected = fans.stream().map(fan -> String.valueOf(fan.id())).collect(Collectors.toCollection(TreeSet::new));
        List<String> senders = received.stream().map(m -> m.getJsonObject("data").getString("user_id")).sorted().toList();
        assertEquals(new ArrayList<>(expected), senders, "each follow pushed exactly once");
        Thread.sleep(2500);
        assertEquals(fans.size(), fcm.messagesTo(held).size(), "and nothing after");
        awaitOutboxEmptyFor(api, star);
    }

    static void saveToken(ApiClient api, String session, String token, String type) {
        assertDone(api.postForm("save_pnotif_token", "session_id", session, "token", token, "type", type),
                "Notification token saved");
    }

    /** A second signed-in device of the account: another login, its own session. */
    static String secondDevice(ApiClient api, Account account) {
        Reply login = api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD);
        assertEquals(200, login.code(), login.toString());
        return login.json().getJsonObject("auth").getString("auth_token");
    }

    static void awaitOutboxEmptyFor(ApiClient api, Account account) throws InterruptedException {
        String sql = "SELECT COUNT(*) FROM push_outbox o JOIN push_tokens t ON t.session_id = o.session_id WHERE t.user_id = ?";
        long end = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (Fixtures.number(api, sql, account.id()) > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(0, Fixtures.number(api, sql, account.id()), "the outbox is empty once everything was delivered");
    }
}
