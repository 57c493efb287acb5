package org.twittner.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.OBJECT;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Fixtures;
import org.twittner.testing.RawHttp;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * Social login (oauth) against the test's own stand-in for Google and Facebook, and the rate
 * limits of login, signup, resetpassword and oauth, sent from loopback addresses of their own.
 *
 * <p>The stand-in is a JDK {@link HttpServer} on 127.0.0.1:19091 (the test servers are configured
 * with it, pom.xml), started and stopped by each test; it answers by the Bearer token the test
 * chose and records what it received. It is built from lambdas and static methods only, so this
 * interface has no nested classes to add to the deployment.
 *
 * <p>Rate-limit tests use 127.0.0.41 to 127.0.0.49, each address in one test only, and fresh
 * e-mails: counts live in the shared database for the test servers' window of an hour
 * (TWITTNER_RATE_LIMIT_WINDOW_SECONDS=3600, pom.xml: a test rarely straddles two windows).
 */
public interface SignInTests {

    /** TWITTNER_RATE_LIMIT_WINDOW_SECONDS of the test servers (pom.xml). */
    int WINDOW_SECONDS = 3600;

    ApiClient api();

    String OAUTH_TYPE_INVALID = "oAuth provider type is missing or invalid";
    String OAUTH_TOKEN_INVALID = "Access token is invalid or missing";
    String OAUTH_UNAVAILABLE = "API Error \u2013 API unavailable";
    String OAUTH_SIGNED_IN = "User logged in successfully";
    String ACCOUNT_DISABLED = "Account disabled or inactive";
    String TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a few minutes and try again";
    int PROVIDER_PORT = 19091;
    String GOOGLE_PATH = "/google/oauth2/v3/userinfo";
    String FACEBOOK_PATH = "/facebook/me";
    /** Google's answer to a bad token, and the server's own `error` for a missing one. */
    String GOOGLE_INVALID_CREDENTIALS = "{\"error\":\"invalid_request\",\"error_description\":\"Invalid Credentials\"}";

    // ---- oauth: requests refused before the provider is asked ---------------------------------

    @Test
    @RunAsClient
    default void oauthRefusesAMissingOrUnknownProviderType() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String token = "ya29.type-" + newGoogleId();
        HttpServer provider = startProvider(Map.of(token,
                answer(200, googleIdentity(newGoogleId(), null, false, "Ada", "Lovelace"))), received);
        try {
            assertError(api.postForm("oauth", "access_token", token), 400, OAUTH_TYPE_INVALID);
            for (String type : List.of("", "   ", "twitter", "apple", "googl", "google facebook")) {
                assertError(api.postForm("oauth", "access_token", token, "type", type), 400, OAUTH_TYPE_INVALID);
            }
            assertError(api.postMultipart("oauth", "access_token", token, "type", "twitter", "device_type", "ios"),
                    400, OAUTH_TYPE_INVALID);
        } finally {
            stop(provider);
        }
        assertEquals(List.of(), received, "no provider was asked");
    }

    @Test
    @RunAsClient
    default void oauthRefusesAMissingTokenWithTheErrorObject() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        HttpServer provider = startProvider(Map.of(), received);
        try {
            for (String type : List.of("google", "facebook")) {
                assertRefused(api.postForm("oauth", "type", type), GOOGLE_INVALID_CREDENTIALS);
                assertRefused(api.postForm("oauth", "type", type, "access_token", ""), GOOGLE_INVALID_CREDENTIALS);
                assertRefused(api.postMultipart("oauth", "type", type, "access_token", "   "), GOOGLE_INVALID_CREDENTIALS);
            }
        } finally {
            stop(provider);
        }
        assertEquals(List.of(), received, "no provider was asked without a token");
    }

    // ---- oauth: the provider refuses or fails -------------------------------------------------

    @Test
    @RunAsClient
    default void oauthEchoesGooglesRefusalUnderError() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String expired = "{\"error\":\"invalid_token\",\"error_description\":\"Token has been expired or revoked.\"}";
        String bad = "ya29.bad-" + newGoogleId();
        String old = "ya29.old-" + newGoogleId();
        HttpServer provider = startProvider(Map.of(bad, answer(401, GOOGLE_INVALID_CREDENTIALS), old, answer(400, expired)),
                received);
        try {
            assertRefused(api.postForm("oauth", "access_token", bad, "type", "google"), GOOGLE_INVALID_CREDENTIALS);
            assertRefused(api.postForm("oauth", "access_token", old, "type", "google"), expired);
        } finally {
            stop(provider);
        }
        assertEquals(2, received.size(), received.toString());
        assertGoogleRequest(received.get(0), bad);
        assertGoogleRequest(received.get(1), old);
    }

    @Test
    @RunAsClient
    default void oauthEchoesFacebooksErrorObjectUnderError() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String unparsable = "{\"message\":\"Invalid OAuth access token - Cannot parse access token\","
                + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbC1dEf2gH3\"}";
        String expired = "{\"message\":\"Error validating access token: Session has expired on Monday, 01-Jan-24 "
                + "00:00:00 PST.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"Zz9\"}";
        String bad = "EAAbad" + newFacebookId();
        String old = "EAAold" + newFacebookId();
        HttpServer provider = startProvider(Map.of(
                bad, answer(400, "{\"error\":" + unparsable + "}"),
                old, answer(401, "{\"error\":" + expired + "}")), received);
        try {
            assertRefused(api.postForm("oauth", "access_token", bad, "type", "facebook"), unparsable);
            assertRefused(api.postMultipart("oauth", "access_token", old, "type", "facebook"), expired);
        } finally {
            stop(provider);
        }
        assertEquals(2, received.size(), received.toString());
        assertFacebookRequest(received.get(0), bad);
        assertFacebookRequest(received.get(1), old);
    }

    @Test
    @RunAsClient
    default void oauthAnswersApiUnavailableWhenTheProviderFails() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String google503 = "ya29.down-" + newGoogleId();
        String google500 = "ya29.broken-" + newGoogleId();
        String facebook503 = "EAAdown" + newFacebookId();
        HttpServer provider = startProvider(Map.of(
                google503, answer(503, "Service Unavailable"),
                google500, answer(500, "{\"error\":\"backend_error\",\"error_description\":\"Backend Error\"}"),
                facebook503, answer(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"FacebookApiException\","
                        + "\"code\":2,\"is_transient\":true}}")), received);
        try {
            assertError(api.postForm("oauth", "access_token", google503, "type", "google"), 500, OAUTH_UNAVAILABLE);
            assertError(api.postForm("oauth", "access_token", google500, "type", "google"), 500, OAUTH_UNAVAILABLE);
            assertError(api.postForm("oauth", "access_token", facebook503, "type", "facebook"), 500, OAUTH_UNAVAILABLE);
        } finally {
            stop(provider);
        }
        assertTrue(received.size() >= 3, "the provider was asked: " + received);
    }

    @Test
    @RunAsClient
    default void oauthGivesUpOnASlowProviderWithinSeconds() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String sub = newGoogleId();
        String token = "ya29.slow-" + sub;
        HttpServer provider = startProvider(Map.of(token,
                slowAnswer(4000, googleIdentity(sub, null, false, "Slow", "Provider"))), received);
        try {
            long started = System.nanoTime();
            Reply reply = api.postForm("oauth", "access_token", token, "type", "google");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertError(reply, 500, OAUTH_UNAVAILABLE);
            assertTrue(millis < 5000, "answered after " + millis + " ms");
            assertTrue(millis >= 1500, "the server waited for the provider (2 s timeout), answered after " + millis + " ms");
            assertEquals(1, received.size(), received.toString());
            assertGoogleRequest(received.get(0), token);
            Thread.sleep(Math.max(0, 4500 - millis)); // the late answer has been sent by now
            assertEquals(0, usersNamed(api, "go_" + sub), "the answer that came too late created no account");
        } finally {
            stop(provider);
        }
    }

    @Test
    @RunAsClient
    default void oauthAnswersApiUnavailableWhenNothingListens() throws Exception {
        ApiClient api = api();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", PROVIDER_PORT).close(),
                "nothing listens on the provider port");
        for (String type : List.of("google", "facebook")) {
            long started = System.nanoTime();
            Reply reply = api.postForm("oauth", "access_token", "ya29.nobody-" + newGoogleId(), "type", type);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertError(reply, 500, OAUTH_UNAVAILABLE);
            assertTrue(millis < 5000, type + " answered after " + millis + " ms");
        }
    }

    // ---- oauth: signing in ----------------------------------------------------------------------

    @Test
    @RunAsClient
    default void oauthFirstSignInCreatesAnAccountWithTheLoginAnswer() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String sub = newGoogleId();
        String email = TestAccounts.newUsername() + "@gmail.example";
        String token = "ya29.first-" + sub;
        HttpServer provider = startProvider(Map.of(token, answer(200, googleIdentity(sub, email, true, "Ada", "Lovelace"))),
                received);
        Reply reply;
        try {
            reply = api.postMultipart("oauth", "access_token", token, "type", "google", "device_type", "ios");
        } finally {
            stop(provider);
        }
        JsonObject user = assertSignedIn(reply);
        assertEquals("go_" + sub, user.getString("user_name"));
        assertEquals(email, user.getString("email"));
        assertEquals("Ada", user.getString("first_name"));
        assertEquals("Lovelace", user.getString("last_name"));
        assertEquals(1, received.size(), received.toString());
        assertGoogleRequest(received.get(0), token);
        long id = user.getJsonNumber("user_id").longValue();
        assertEquals(1, usersNamed(api, "go_" + sub));
        assertEquals("mobile_ios", latestPlatform(api, id));

        JsonObject auth = reply.json().getJsonObject("auth");
        Reply own = api.get("profile", "user_id", Long.toString(id), "session_id", auth.getString("auth_token"));
        assertEquals(200, own.code(), own.toString());
        assertEquals(email, own.data().getString("email"), "the auth_token is the owner's session: " + own);
        Reply refreshed = api.postForm("refresh_access_token", "refresh_token", auth.getString("refresh_token"));
        assertEquals(200, refreshed.code(), "the refresh token works: " + refreshed);
    }

    @Test
    @RunAsClient
    default void oauthTheSameIdentityAgainIsTheSameAccount() throws Exception {
        ApiClient api = api();
        List<Map<String, String>> received = received();
        String sub = newGoogleId();
        String first = "ya29.one-" + sub;
        String second = "ya29.two-" + sub;
        String facebookToken = "EAAsame" + sub;
        String identity = googleIdentity(sub, TestAccounts.newUsername() + "@gmail.example", true, "Grace", "Hopper");
        HttpServer provider = startProvider(Map.of(first, answer(200, identity), second, answer(200, identity),
                facebookToken, answer(200, facebookIdentity(sub, "Grace", "Hopper", null))), received);
        try {
            Reply one = api.postForm("oauth", "access_token", first, "type", "google");
            Reply two = api.postForm("oauth", "access_token", second, "type", "google", "device_type", "android");
            long id = assertSignedIn(one).getJsonNumber("user_id").longValue();
            JsonObject again = assertSignedIn(two);
            assertEquals(id, again.getJsonNumber("user_id").longValue());
            assertEquals("go_" + sub, again.getString("user_name"));
            assertNotEquals(one.json().getJsonObject("auth").getString("auth_token"),
                    two.json().getJsonObject("auth").getString("auth_token"), "each sign-in is a new session");
            assertEquals(1, usersNamed(api, "go_" + sub));

            // the same number at another provider is another person
            JsonObject facebookUser = assertSignedIn(api.postForm("oauth", "access_token", facebookToken, "type", "facebook"));
            assertNotEquals(id, facebookUser.getJsonNumber("user_id").longValue());
            assertEquals("fb_" + sub, facebookUser.getString("user_name"));
        } finally {
            stop(provider);
        }
        assertEquals(3, received.size(), received.toString());
        assertGoogleRequest(received.get(0), first);
        assertGoogleRequest(received.get(1), second);
        assertFacebookRequest(received.get(2), facebookToken);
    }

    @Test
    @RunAsClient
    default void oauthWithAVerifiedEmailSignsIntoTheAccountOfThatEmail() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String sub = newGoogleId();
        String facebookId = newFacebookId();
        String googleToken = "ya29.known-" + sub;
        String facebookToken = "EAAknown" + facebookId;
        HttpServer provider = startProvider(Map.of(
                googleToken, answer(200, googleIdentity(sub, account.email().toUpperCase(Locale.ROOT), true, "Test", "User")),
                facebookToken, answer(200, facebookIdentity(facebookId, "Test", "User", account.email()))), received());
        try {
            for (Reply reply : List.of(api.postForm("oauth", "access_token", googleToken, "type", "google"),
                    api.postForm("oauth", "access_token", facebookToken, "type", "facebook"))) {
                JsonObject user = assertSignedIn(reply);
                assertEquals(account.id(), user.getJsonNumber("user_id").longValue(), reply.toString());
                assertEquals(account.username(), user.getString("user_name"));
                assertEquals(account.email(), user.getString("email"));
            }
        } finally {
            stop(provider);
        }
        assertEquals(0, usersNamed(api, "go_" + sub), "no second account");
        assertEquals(0, usersNamed(api, "fb_" + facebookId), "no second account");
    }

    @Test
    @RunAsClient
    default void oauthWithAnUnverifiedGoogleEmailNeverEntersTheAccountOfThatEmail() throws Exception {
        ApiClient api = api();
        Account owner = TestAccounts.create(api);
        String sub = newGoogleId();
        String token = "ya29.unverified-" + sub;
        HttpServer provider = startProvider(Map.of(token,
                answer(200, googleIdentity(sub, owner.email(), false, "Mallory", "Intruder"))), received());
        Reply reply;
        try {
            reply = api.postForm("oauth", "access_token", token, "type", "google");
        } finally {
            stop(provider);
        }
        JsonObject user = assertSignedIn(reply);
        assertNotEquals(owner.id(), user.getJsonNumber("user_id").longValue(), "not the owner's account");
        assertEquals("go_" + sub, user.getString("user_name"));
        assertEquals("go_" + sub + "@google.com", user.getString("email"), "a placeholder, not the unverified address");
        assertEquals(List.of(owner.email()), Fixtures.sql(api, "SELECT email FROM users WHERE id = ?", owner.id()));
        assertEquals(1, usersNamed(api, "go_" + sub));
    }

    @Test
    @RunAsClient
    default void oauthWithoutAnEmailGetsThePlaceholderAddress() throws Exception {
        ApiClient api = api();
        String facebookId = newFacebookId();
        String sub = newGoogleId();
        String facebookToken = "EAAnomail" + facebookId;
        String googleToken = "ya29.nomail-" + sub;
        HttpServer provider = startProvider(Map.of(
                facebookToken, answer(200, facebookIdentity(facebookId, "Linus", "Torvalds", null)),
                googleToken, answer(200, googleIdentity(sub, null, false, "Barbara", "Liskov"))), received());
        try {
            JsonObject facebookUser = assertSignedIn(api.postForm("oauth", "access_token", facebookToken, "type", "facebook"));
            assertEquals("fb_" + facebookId, facebookUser.getString("user_name"));
            assertEquals("fb_" + facebookId + "@facebook.com", facebookUser.getString("email"));
            assertEquals("Linus", facebookUser.getString("first_name"));
            assertEquals("Torvalds", facebookUser.getString("last_name"));

            JsonObject googleUser = assertSignedIn(api.postForm("oauth", "access_token", googleToken, "type", "google"));
            assertEquals("go_" + sub, googleUser.getString("user_name"));
            assertEquals("go_" + sub + "@google.com", googleUser.getString("email"));
            assertEquals("Barbara", googleUser.getString("first_name"));
        } finally {
            stop(provider);
        }
    }

    @Test
    @RunAsClient
    default void oauthDerivesAValidUsernameFromALongOrOddProviderId() throws Exception {
        ApiClient api = api();
        String base = newGoogleId() + newGoogleId().substring(0, 9); // 30 digits
        String longA = base + "0";
        String longB = base + "1"; // differs only in its last character
        String odd = "x." + newFacebookId() + "-y";
        HttpServer provider = startProvider(Map.of(
                "ya29.longA", answer(200, googleIdentity(longA, null, false, "Long", "Identity")),
                "ya29.longB", answer(200, googleIdentity(longB, null, false, "Long", "Identity")),
                "EAAodd" + odd, answer(200, facebookIdentity(odd, "Odd", "Identity", null))), received());
        try {
            JsonObject a = assertSignedIn(api.postForm("oauth", "access_token", "ya29.longA", "type", "google"));
            JsonObject b = assertSignedIn(api.postForm("oauth", "access_token", "ya29.longB", "type", "google"));
            JsonObject fb = assertSignedIn(api.postForm("oauth", "access_token", "EAAodd" + odd, "type", "facebook"));
            for (JsonObject user : List.of(a, b, fb)) {
                String name = user.getString("user_name");
                assertEquals(25, name.length(), name);
                assertTrue(name.matches("[A-Za-z0-9_]+"), name);
                assertEquals(name + (user == fb ? "@facebook.com" : "@google.com"), user.getString("email"));
            }
            assertTrue(a.getString("user_name").startsWith("go_"), a.toString());
            assertTrue(fb.getString("user_name").startsWith("fb_"), fb.toString());
            assertNotEquals(a.getJsonNumber("user_id").longValue(), b.getJsonNumber("user_id").longValue(), "two people");
            assertNotEquals(a.getString("user_name"), b.getString("user_name"));
            JsonObject again = assertSignedIn(api.postForm("oauth", "access_token", "ya29.longA", "type", "google"));
            assertEquals(a.getJsonNumber("user_id").longValue(), again.getJsonNumber("user_id").longValue(),
                    "the derived name finds the same account again");
        } finally {
            stop(provider);
        }
    }

    @Test
    @RunAsClient
    default void oauthTakesAnyDeviceTypeAndFallsBackToAndroid() throws Exception {
        ApiClient api = api();
        String sub = newGoogleId();
        String token = "ya29.device-" + sub;
        HttpServer provider = startProvider(Map.of(token, answer(200, googleIdentity(sub, null, false, "Device", "Tester"))),
                received());
        try {
            long id = assertSignedIn(api.postForm("oauth", "access_token", token, "type", "google", "device_type", "ios"))
                    .getJsonNumber("user_id").longValue();
            assertEquals("mobile_ios", latestPlatform(api, id));
            for (String nonsense : List.of("windows", "", "IOS-9", "<script>")) {
                Reply reply = api.postForm("oauth", "access_token", token, "type", "google", "device_type", nonsense);
                assertEquals(id, assertSignedIn(reply).getJsonNumber("user_id").longValue());
                assertEquals("mobile_android", latestPlatform(api, id), "device_type " + nonsense);
            }
            assertSignedIn(api.postForm("oauth", "access_token", token, "type", "google", "device_type", "ios"));
            assertSignedIn(api.postForm("oauth", "access_token", token, "type", "google"));
            assertEquals("mobile_android", latestPlatform(api, id), "no device_type");
        } finally {
            stop(provider);
        }
    }

    @Test
    @RunAsClient
    default void oauthRefusesASuspendedAccount() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertEquals(List.of("1"), Fixtures.sql(api, "UPDATE users SET status = 2 WHERE id = ?", account.id()));
        String sub = newGoogleId();
        String facebookId = newFacebookId();
        String byEmail = "ya29.suspended-" + sub;
        String ownAccount = "EAAsuspended" + facebookId;
        HttpServer provider = startProvider(Map.of(
                byEmail, answer(200, googleIdentity(sub, account.email(), true, "Test", "User")),
                ownAccount, answer(200, facebookIdentity(facebookId, "Once", "Active", null))), received());
        try {
            assertError(api.postForm("oauth", "access_token", byEmail, "type", "google"), 402, ACCOUNT_DISABLED);
            assertEquals(0, usersNamed(api, "go_" + sub), "no new account instead");

            // an account the provider created, suspended afterwards
            long id = assertSignedIn(api.postForm("oauth", "access_token", ownAccount, "type", "facebook"))
                    .getJsonNumber("user_id").longValue();
            assertEquals(List.of("1"), Fixtures.sql(api, "UPDATE users SET status = 2 WHERE id = ?", id));
            assertError(api.postForm("oauth", "access_token", ownAccount, "type", "facebook"), 402, ACCOUNT_DISABLED);
            assertEquals(1, usersNamed(api, "fb_" + facebookId));
        } finally {
            stop(provider);
        }
    }

    // ---- rate limits ------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void loginIsLimitedPerAccountFromAnyAddress() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String first = "127.0.0.41";
        String second = "127.0.0.42";
        forgetAttemptsFrom(api, first, second);
        startWithRoomInTheWindow(15);
        String upper = account.email().toUpperCase(Locale.ROOT);
        // every attempt counts, successes too, whatever the case of the e-mail
        assertEquals(200, replyOf(postFrom(api, first, "login", "email", account.email(), "password", TestAccounts.PASSWORD)).code());
        assertError(replyOf(postFrom(api, first, "login", "email", account.email(), "password", "wrong-1")), 402, "Incorrect Credentials");
        assertEquals(200, replyOf(postFrom(api, first, "login", "email", upper, "password", TestAccounts.PASSWORD)).code());
        assertError(replyOf(postFrom(api, first, "login", "email", upper, "password", "wrong-2")), 402, "Incorrect Credentials");
        assertEquals(200, replyOf(postFrom(api, first, "login", "email", account.email(), "password", TestAccounts.PASSWORD)).code());

        assertLimited(postFrom(api, second, "login", "email", account.email(), "password", TestAccounts.PASSWORD),
                "6th attempt on the account, from another address");
        assertLimited(postFrom(api, first, "login", "email", upper, "password", TestAccounts.PASSWORD), "7th attempt");
        assertError(replyOf(postFrom(api, second, "login", "email", freshEmail(), "password", TestAccounts.PASSWORD)),
                402, "Incorrect Credentials");
        assertEquals(200, api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD).code(),
                "127.0.0.1 is exempt");
    }

    @Test
    @RunAsClient
    default void loginIsLimitedPerAddress() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String busy = "127.0.0.43";
        String other = "127.0.0.44";
        forgetAttemptsFrom(api, busy, other);
        startWithRoomInTheWindow(25);
        for (int i = 1; i <= 20; i++) {
            assertError(replyOf(postFrom(api, busy, "login", "email", freshEmail(), "password", TestAccounts.PASSWORD)),
                    402, "Incorrect Credentials");
        }
        assertLimited(postFrom(api, busy, "login", "email", account.email(), "password", TestAccounts.PASSWORD),
                "21st attempt from one address, even with the right password");
        assertLimited(postFrom(api, busy, "login", "email", freshEmail(), "password", TestAccounts.PASSWORD), "22nd attempt");

        Reply elsewhere = replyOf(postFrom(api, other, "login", "email", account.email(), "password", TestAccounts.PASSWORD));
        assertEquals(200, elsewhere.code(), "another address is not limited: " + elsewhere);
        assertError(replyOf(postFrom(api, other, "login", "email", freshEmail(), "password", TestAccounts.PASSWORD)),
                402, "Incorrect Credentials");
        assertError(replyOf(postFrom(api, busy, "resetpassword", "email", freshEmail())), 411, "Email address is unknown");
    }

    @Test
    @RunAsClient
    default void resetpasswordIsLimitedPerAccount() throws Exception {
        ApiClient api = api();
        String first = "127.0.0.45";
        String second = "127.0.0.46";
        forgetAttemptsFrom(api, first, second);
        startWithRoomInTheWindow(15);
        String email = freshEmail();
        for (int i = 1; i <= 5; i++) {
            assertError(replyOf(postFrom(api, first, "resetpassword", "email", email)), 411, "Email address is unknown");
        }
        assertLimited(postFrom(api, second, "resetpassword", "email", email.toUpperCase(Locale.ROOT)),
                "6th reset of one e-mail, from another address");
        assertError(replyOf(postFrom(api, second, "resetpassword", "email", freshEmail())), 411, "Email address is unknown");
    }

    @Test
    @RunAsClient
    default void signupIsLimitedPerAccount() throws Exception {
        ApiClient api = api();
        String first = "127.0.0.47";
        String second = "127.0.0.48";
        forgetAttemptsFrom(api, first, second);
        startWithRoomInTheWindow(15);
        String email = freshEmail();
        Reply created = replyOf(postFrom(api, first, "signup", "first_name", "Rate", "last_name", "Limited",
                "username", TestAccounts.newUsername(), "email", email, "password", TestAccounts.PASSWORD));
        assertEquals(200, created.code(), created.toString());
        for (int i = 2; i <= 5; i++) {
            assertError(replyOf(postFrom(api, first, "signup", "first_name", "Rate", "last_name", "Limited",
                    "username", TestAccounts.newUsername(), "email", i % 2 == 0 ? email.toUpperCase(Locale.ROOT) : email,
                    "password", TestAccounts.PASSWORD)), 409, "Email ID already registered");
        }
        String sixth = TestAccounts.newUsername();
        assertLimited(postFrom(api, second, "signup", "first_name", "Rate", "last_name", "Limited",
                "username", sixth, "email", email, "password", TestAccounts.PASSWORD), "6th signup with one e-mail");
        assertEquals(0, usersNamed(api, sixth), "the limited signup created nothing");
        Reply elsewhere = replyOf(postFrom(api, second, "signup", "first_name", "Rate", "last_name", "Limited",
                "username", TestAccounts.newUsername(), "email", freshEmail(), "password", TestAccounts.PASSWORD));
        assertEquals(200, elsewhere.code(), "the address itself is not limited: " + elsewhere);
    }

    @Test
    @RunAsClient
    default void oauthIsLimitedPerAddress() throws Exception {
        ApiClient api = api();
        String busy = "127.0.0.49";
        forgetAttemptsFrom(api, busy);
        startWithRoomInTheWindow(20);
        for (int i = 1; i <= 20; i++) {
            assertRefused(replyOf(postFrom(api, busy, "oauth", "type", "google")), GOOGLE_INVALID_CREDENTIALS);
        }
        assertLimited(postFrom(api, busy, "oauth", "type", "google"), "21st oauth attempt from one address");
    }

    @Test
    @RunAsClient
    default void attemptsFrom127001AreNeverLimited() throws Exception {
        ApiClient api = api();
        String email = freshEmail();
        for (int i = 1; i <= 22; i++) { // beyond both the account and the address limit
            assertError(replyOf(postFrom(api, "127.0.0.1", "login", "email", email, "password", "wrong-" + i)),
                    402, "Incorrect Credentials");
        }
    }

    // ---- helpers: answers ---------------------------------------------------------------------------

    /** The login answer: envelope with `auth`, data {user}, the signed-in user's keys and types; the user. */
    private static JsonObject assertSignedIn(Reply reply) {
        assertEnvelope(reply, 200, OAUTH_SIGNED_IN, "auth");
        assertShape(reply.data(), shape("user", OBJECT));
        JsonObject user = reply.data().getJsonObject("user");
        assertShape(user, signedInUser());
        JsonObject auth = reply.json().getJsonObject("auth");
        assertShape(auth, shape("auth_token", STRING, "refresh_token", STRING, "auth_token_expiry", NUMBER));
        long inAYear = Instant.now().getEpochSecond() + 365L * 86_400;
        assertTrue(Math.abs(auth.getJsonNumber("auth_token_expiry").longValue() - inAYear) < 120, auth.toString());
        return user;
    }

    /** The user object of login, as SessionTests checks it. */
    private static Map<String, Wire.Type> signedInUser() {
        return shape(
                "user_id", NUMBER, "first_name", STRING, "last_name", STRING, "user_name", STRING,
                "profile_picture", STRING, "cover_picture", STRING, "email", STRING, "is_verified", BOOLEAN,
                "website", STRING, "about_you", STRING, "gender", STRING, "country", STRING, "post_count", NUMBER,
                "last_post", NUMBER, "last_ad", NUMBER, "language", STRING, "following_count", NUMBER,
                "follower_count", NUMBER, "wallet", STRING, "ip_address", STRING, "last_active", STRING,
                "member_since", STRING, "profile_privacy", STRING);
    }

    /** 402 "Access token is invalid or missing", data [] and the provider's error under `error`. */
    private static void assertRefused(Reply reply, String expectedErrorJson) {
        assertEnvelope(reply, 402, OAUTH_TOKEN_INVALID, "error");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, reply.json().get("data"), reply.toString());
        assertEquals(parse(expectedErrorJson), reply.json().getJsonObject("error"), reply.toString());
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static long usersNamed(ApiClient api, String username) {
        return Fixtures.number(api, "SELECT COUNT(*) FROM users WHERE LOWER(username) = ?", username.toLowerCase(Locale.ROOT));
    }

    /** The platform of the user's newest session: mobile_android or mobile_ios. */
    private static String latestPlatform(ApiClient api, long userId) {
        List<String> platforms = Fixtures.sql(api, "SELECT platform FROM sessions WHERE user_id = ? ORDER BY id DESC", userId);
        assertTrue(!platforms.isEmpty(), "the user has a session");
        return platforms.get(0);
    }

    // ---- helpers: the provider stand-in -------------------------------------------------------------

    private static List<Map<String, String>> received() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** {status, body, delay in ms} */
    private static String[] answer(int status, String body) {
        return new String[] {Integer.toString(status), body, "0"};
    }

    private static String[] slowAnswer(int delayMillis, String body) {
        return new String[] {"200", body, Integer.toString(delayMillis)};
    }

    /** Google's userinfo (v3); without e-mail when email is null. */
    private static String googleIdentity(String sub, String email, boolean verified, String givenName, String familyName) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("sub", sub);
        if (email != null) {
            json.add("email", email).add("email_verified", verified);
        }
        return json.add("given_name", givenName).add("family_name", familyName).add("name", givenName + " " + familyName)
                .add("picture", "http://127.0.0.1:" + PROVIDER_PORT + "/google/picture/" + sub + ".jpg")
                .add("locale", "en").build().toString();
    }

    /** Facebook's /me with fields id, first_name, last_name, email; without e-mail when email is null. */
    private static String facebookIdentity(String id, String firstName, String lastName, String email) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("first_name", firstName).add("last_name", lastName);
        if (email != null) {
            json.add("email", email);
        }
        return json.build().toString();
    }

    /** 21 digits, like Google's sub. */
    private static String newGoogleId() {
        return "1" + digits(20);
    }

    /** 16 digits, like a Facebook app-scoped user id. */
    private static String newFacebookId() {
        return "10" + digits(14);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    /**
     * The stand-in on 127.0.0.1:19091: GET /google/oauth2/v3/userinfo and /facebook/me answer by the
     * Bearer token (unknown tokens: 401 with Google's error); each request is recorded as
     * {method, path, query (raw), authorization}.
     */
    private static HttpServer startProvider(Map<String, String[]> answers, List<Map<String, String>> received)
            throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PROVIDER_PORT);
        HttpServer server = null;
        for (int attempt = 0; server == null; attempt++) {
            try {
                server = HttpServer.create(address, 0);
            } catch (BindException previousNotYetClosed) {
                if (attempt >= 50) {
                    throw previousNotYetClosed;
                }
                Thread.sleep(100);
            }
        }
        for (String path : List.of(GOOGLE_PATH, FACEBOOK_PATH)) {
            server.createContext(path, exchange -> answerAsProvider(exchange, answers, received));
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static void answerAsProvider(HttpExchange exchange, Map<String, String[]> answers,
            List<Map<String, String>> received) throws IOException {
        try {
            String authorization = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "");
            URI uri = exchange.getRequestURI();
            received.add(Map.of("method", exchange.getRequestMethod(), "path", uri.getPath(),
                    "query", Objects.requireNonNullElse(uri.getRawQuery(), ""), "authorization", authorization));
            String token = authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : "";
            String[] answer = answers.getOrDefault(token, answer(401, GOOGLE_INVALID_CREDENTIALS));
            long delay = Long.parseLong(answer[2]);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    answer[1].startsWith("{") ? "application/json; charset=UTF-8" : "text/plain; charset=UTF-8");
            exchange.getResponseHeaders().set("Connection", "close"); // no pooled connection outlives the stand-in
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }

    private static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private static void assertGoogleRequest(Map<String, String> request, String token) {
        assertEquals("GET", request.get("method"), request.toString());
        assertEquals(GOOGLE_PATH, request.get("path"), request.toString());
        assertEquals("Bearer " + token, request.get("authorization"), "the token goes in the header: " + request);
        assertTrue(!request.get("query").contains(token), "the token is not in the query: " + request);
    }

    private static void assertFacebookRequest(Map<String, String> request, String token) {
        assertEquals("GET", request.get("method"), request.toString());
        assertEquals(FACEBOOK_PATH, request.get("path"), request.toString());
        assertEquals("Bearer " + token, request.get("authorization"), "the token goes in the header: " + request);
        assertTrue(!request.get("query").contains(token), "the token is not in the query: " + request);
        String fields = null;
        for (String pair : request.get("query").split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8).equals("fields")) {
                fields = URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
            }
        }
        assertNotNull(fields, "the fields are asked for: " + request);
        assertEquals(new TreeSet<>(Set.of("id", "first_name", "last_name", "email")),
                new TreeSet<>(Arrays.asList(fields.split(","))), request.toString());
    }

    // ---- helpers: requests from other loopback addresses ---------------------------------------------

    private static String freshEmail() {
        return "rl" + TestAccounts.newUsername() + "@example.com";
    }

    /** A urlencoded POST to /mobile_api/endpoint, sent from sourceAddress. */
    private static RawHttp.Response postFrom(ApiClient api, String sourceAddress, String endpoint, String... nameValuePairs) {
        byte[] body = ApiClient.form(nameValuePairs).getBytes(StandardCharsets.US_ASCII);
        String head = "POST /mobile_api/" + endpoint + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        try {
            return RawHttp.exchange(api.root(), sourceAddress, head, body, 20_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as a Reply for the Wire assertions: HTTP 200 and a JSON body. */
    private static Reply replyOf(RawHttp.Response response) {
        assertEquals(200, response.status(), "every API answer is HTTP 200: " + response);
        String type = header(response, "Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), "Content-Type was " + type);
        return new Reply(parse(bodyOf(response)), null);
    }

    /** code 429 with the message, data [], HTTP 200 and Retry-After in whole seconds, 1 to the window (3600). */
    private static void assertLimited(RawHttp.Response response, String what) {
        Reply reply = replyOf(response);
        assertEquals(429, reply.code(), what + ": " + reply);
        assertError(reply, 429, TOO_MANY_ATTEMPTS);
        String retryAfter = header(response, "Retry-After");
        assertNotNull(retryAfter, what + ": a Retry-After header in " + response.headers());
        assertTrue(retryAfter.matches("\\d{1,4}"), "Retry-After: " + retryAfter);
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= WINDOW_SECONDS, "Retry-After: " + retryAfter);
    }

    private static String header(RawHttp.Response response, String name) {
        for (String line : response.headers().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The body, de-chunked if it came chunked (ASCII bodies: chunk sizes are counted in characters). */
    private static String bodyOf(RawHttp.Response response) {
        String encoding = header(response, "Transfer-Encoding");
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return response.body();
        }
        StringBuilder body = new StringBuilder();
        String rest = response.body();
        for (int eol = rest.indexOf("\r\n"); eol > 0; eol = rest.indexOf("\r\n")) {
            int size = Integer.parseInt(rest.substring(0, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(rest, eol + 2, eol + 2 + size);
            rest = rest.substring(Math.min(rest.length(), eol + 2 + size + 2));
        }
        return body.toString();
    }

    /**
     * Best effort for runs repeated within the window on a kept database: the counts of this test's
     * own addresses start from nothing (buckets end with the address, see V8__accounts.sql).
     */
    private static void forgetAttemptsFrom(ApiClient api, String... addresses) {
        for (String address : addresses) {
            Fixtures.sql(api, "DELETE FROM rate_limits WHERE bucket LIKE ?", "%:" + address);
        }
    }

    /**
     * The limits count in fixed windows of {@value #WINDOW_SECONDS} s (rate_limits.window_start,
     * a multiple of it): a test that needs some seconds starts in a window with that much left,
     * so that its attempts are counted together.
     */
    private static void startWithRoomInTheWindow(int seconds) throws InterruptedException {
        long window = WINDOW_SECONDS * 1000L;
        long intoWindow = System.currentTimeMillis() % window;
        if (intoWindow > window - seconds * 1000L) {
            Thread.sleep(window - intoWindow + 500);
        }
    }
}
