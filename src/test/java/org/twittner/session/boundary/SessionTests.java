package org.twittner.session.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.OBJECT;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * signup, login, refresh_access_token, logout and the wire rules every endpoint shares, called
 * as the apps call them. The tests run in the deployment of
 * {@code org.twittner.profile.boundary.ProfileApiIT}, which implements this interface: one server
 * start for the three components (a start costs half a minute).
 */
public interface SessionTests {

    Map<String, Wire.Type> SESSION_AUTH = shape(
            "auth_token", STRING, "refresh_token", STRING, "auth_token_expiry", NUMBER);

    Map<String, Wire.Type> SESSION_SIGNED_IN_USER = shape(
            "user_id", NUMBER, "first_name", STRING, "last_name", STRING, "user_name", STRING,
            "profile_picture", STRING, "cover_picture", STRING, "email", STRING, "is_verified", BOOLEAN,
            "website", STRING, "about_you", STRING, "gender", STRING, "country", STRING, "post_count", NUMBER,
            "last_post", NUMBER, "last_ad", NUMBER, "language", STRING, "following_count", NUMBER,
            "follower_count", NUMBER, "wallet", STRING, "ip_address", STRING, "last_active", STRING,
            "member_since", STRING, "profile_privacy", STRING);

    ApiClient api();

    // ---- wire rules ---------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void unknownEndpointAnswersLikeTheReference() {
        ApiClient api = api();
        for (Reply reply : List.of(api.get("no_such_endpoint"), api.postForm("nope"), api.get("x/y/z"))) {
            assertEquals(Json.createObjectBuilder().add("status", "400").add("err_code", "invalid_endpoint")
                    .add("message", "Invalid endpoint error on API call").build(), reply.json());
        }
    }

    @Test
    @RunAsClient
    default void oversizedFormIsAClearErrorNotA500() {
        ApiClient api = api();
        assertError(api.postMultipart("login", "email", "x".repeat(100_000), "password", "secret1"),
                400, "The request body is malformed or too large");
        String huge = "x".repeat(3 * 1024 * 1024);
        assertError(api.postMultipart("login", "email", huge, "password", "secret1"),
                400, "The request body is malformed or too large");
        assertError(api.postForm("login", "email", huge, "password", "secret1"),
                400, "The request body is malformed or too large");
    }

    @Test
    @RunAsClient
    default void aBodyThatIsNotAFormCarriesNoParameters() {
        ApiClient api = api();
        Reply reply = api.send(HttpRequest.newBuilder(api.url("login", ""))
                .header("Content-Type", "multipart/form-data; boundary=nothing")
                .POST(HttpRequest.BodyPublishers.ofString("this is not multipart")));
        assertError(reply, 402, "Incorrect Credentials");
        Reply json = api.send(HttpRequest.newBuilder(api.url("login", ""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"a@b.c\"}")));
        assertError(json, 402, "Incorrect Credentials");
    }

    @Test
    @RunAsClient
    default void anyMethodReachesTheEndpoint() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        Reply viaGet = api.get("login", "email", account.email(), "password", TestAccounts.PASSWORD);
        assertEnvelope(viaGet, 200, "User logged in successfully", "auth");
        Reply viaPut = api.send(HttpRequest.newBuilder(api.url("login", "")).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.form("email", account.email(), "password", TestAccounts.PASSWORD))));
        assertEnvelope(viaPut, 200, "User logged in successfully", "auth");
    }

    // ---- signup ------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void signupCreatesTheAccountAndSignsItIn() {
        ApiClient api = api();
        String username = TestAccounts.newUsername();
        Reply reply = api.postMultipart("signup", "first_name", "Zoë", "last_name", "Kassing", "username", username,
                "email", username + "@Example.com", "password", "pässword");
        assertEnvelope(reply, 200, "User logged in successfully", "auth");
        assertEquals(Json.createArrayBuilder().build(), reply.json().getJsonArray("data"));
        JsonObject auth = reply.json().getJsonObject("auth");
        assertShape(auth, SESSION_AUTH);
        assertEquals(64, auth.getString("auth_token").length());

        Reply own = api.get("profile", "username", username, "session_id", auth.getString("auth_token"));
        assertEquals("Zoë", own.data().getString("first_name"), "UTF-8 survives multipart");
        assertEquals(username + "@Example.com", own.data().getString("email"));

        Reply login = api.postForm("login", "email", username + "@example.COM", "password", "pässword");
        assertEquals(200, login.code(), "e-mail matches whatever its case: " + login);
    }

    @Test
    @RunAsClient
    default void signupRefusesEachInvalidField() {
        ApiClient api = api();
        String u = TestAccounts.newUsername();
        String e = u + "@example.com";
        assertSignupError(api, 410, "Invalid user first name", "Al", "Kassing", u, e, "secret1");
        assertSignupError(api, 410, "Invalid user last name", "Dan", "", u, e, "secret1");
        assertSignupError(api, 410, "Invalid username", "Dan", "Kassing", "no spaces", e, "secret1");
        assertSignupError(api, 410, "Invalid email address", "Dan", "Kassing", u, "not-an-email", "secret1");
        assertSignupError(api, 410, "Invalid password", "Dan", "Kassing", u, e, "12345");
        // nothing was half-written: the same username and e-mail are still free
        assertEquals(200, api.postForm("signup", "first_name", "Dan", "last_name", "Kassing", "username", u,
                "email", e, "password", "secret1").code());
    }

    @Test
    @RunAsClient
    default void signupIsSignedInOnTheGivenDevice() {
        ApiClient api = api();
        String username = TestAccounts.newUsername();
        Reply ios = api.get("signup", "first_name", "Dan", "last_name", "Kassing", "username", username,
                "email", username + "@example.com", "password", "secret1", "device_type", "ios");
        assertEnvelope(ios, 200, "User logged in successfully", "auth");
        JsonObject auth = ios.json().getJsonObject("auth");
        long inAYear = Instant.now().getEpochSecond() + 365L * 86_400;
        assertTrue(Math.abs(auth.getJsonNumber("auth_token_expiry").longValue() - inAYear) < 120, auth.toString());
        assertEquals(200, api.postForm("refresh_access_token", "refresh_token", auth.getString("refresh_token")).code(),
                "the refresh token of a sign-up works");

        String other = TestAccounts.newUsername();
        assertError(api.postForm("signup", "first_name", "Dan", "last_name", "Kassing", "username", other,
                "email", other + "@example.com", "password", "secret1", "device_type", "windows"), 402, "Incorrect device type");
    }

    @Test
    @RunAsClient
    default void concurrentSignupsForOneUsernameCreateOneAccount() throws Exception {
        ApiClient api = api();
        String username = TestAccounts.newUsername();
        List<Reply> replies = Concurrently.call(6, i -> api.postForm("signup", "first_name", "Dan", "last_name", "Kassing",
                "username", username, "email", username + i + "@example.com", "password", "secret1"));
        int created = 0;
        for (Reply reply : replies) {
            if (reply.code() == 200) {
                created++;
            } else {
                assertError(reply, 410, "This username is already taken");
            }
        }
        assertEquals(1, created);
    }

    /** 25 emoji are 25 characters (50 UTF-16 units, 100 bytes): both databases keep them whole. */
    @Test
    @RunAsClient
    default void namesOfFourByteCharactersUpToTheLimitAreStoredOnEveryDatabase() {
        ApiClient api = api();
        String username = TestAccounts.newUsername();
        String first = "\uD83D\uDE00".repeat(25);
        String last = "\uD83C\uDF89\uD841\uDF0E".repeat(12) + "\uD83D\uDE00"; // emoji and a CJK Extension B ideograph
        Reply signup = api.postMultipart("signup", "first_name", first, "last_name", last, "username", username,
                "email", username + "@example.com", "password", "secret1");
        assertEquals(200, signup.code(), signup.toString());
        Reply login = api.postForm("login", "email", username + "@example.com", "password", "secret1");
        assertEquals(first, login.data().getJsonObject("user").getString("first_name"));
        assertEquals(last, login.data().getJsonObject("user").getString("last_name"));
        assertError(api.postForm("signup", "first_name", "\uD83D\uDE00".repeat(26), "last_name", "Kassing",
                "username", TestAccounts.newUsername(), "email", TestAccounts.newUsername() + "@example.com",
                "password", "secret1"), 410, "Invalid user first name");
    }

    @Test
    @RunAsClient
    default void passwordsAreCountedInCharacters() {
        ApiClient api = api();
        String username = TestAccounts.newUsername();
        String emoji = "\uD83D\uDE00".repeat(11); // 11 characters, 22 UTF-16 units
        assertEquals(200, api.postMultipart("signup", "first_name", "Dan", "last_name", "Kassing", "username", username,
                "email", username + "@example.com", "password", emoji).code());
        assertEquals(200, api.postMultipart("login", "email", username + "@example.com", "password", emoji).code());
        assertError(api.postForm("signup", "first_name", "Dan", "last_name", "Kassing", "username", TestAccounts.newUsername(),
                "email", TestAccounts.newUsername() + "@example.com", "password", "\uD83D\uDE00".repeat(21)), 410, "Invalid password");
    }

    @Test
    @RunAsClient
    default void signupRefusesTakenUsernameAndEmail() {
        ApiClient api = api();
        Account taken = TestAccounts.create(api);
        assertSignupError(api, 410, "This username is already taken", "Dan", "Kassing", taken.username().toUpperCase(),
                TestAccounts.newUsername() + "@example.com", "secret1");
        assertSignupError(api, 409, "Email ID already registered", "Dan", "Kassing", TestAccounts.newUsername(),
                taken.email().toUpperCase(), "secret1");
    }

    @Test
    @RunAsClient
    default void signupAndLoginAreForGuests() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertError(api.postForm("signup", "session_id", account.token(), "first_name", "Dan", "last_name", "Kassing",
                "username", TestAccounts.newUsername(), "email", TestAccounts.newUsername() + "@example.com", "password", "secret1"),
                400, "You are already logged in");
        assertError(api.postForm("login", "session_id", account.token(), "email", account.email(), "password", TestAccounts.PASSWORD),
                400, "You are already logged in");
    }

    // ---- login -------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void loginAnswersTheUserAndTheTokensAsTheAppsParseThem() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        for (Reply reply : List.of(
                api.postMultipart("login", "email", account.email(), "password", TestAccounts.PASSWORD),
                api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD, "device_type", "ios"))) {
            assertEnvelope(reply, 200, "User logged in successfully", "auth");
            assertShape(reply.data(), shape("user", OBJECT));
            JsonObject user = reply.data().getJsonObject("user");
            assertShape(user, SESSION_SIGNED_IN_USER);
            assertEquals(account.id(), user.getJsonNumber("user_id").longValue());
            assertEquals(account.username(), user.getString("user_name"));
            assertEquals(account.email(), user.getString("email"));
            assertEquals("United States", user.getString("country"));
            assertEquals("0.00", user.getString("wallet"));
            assertTrue(user.getString("last_active").matches("\\d{10}"), user.toString());
            assertTrue(user.getString("member_since").matches("[A-Z][a-z]{2} \\d{4}"), user.toString());
            assertTrue(user.getString("profile_picture").startsWith("https://media.twittner.test/upload/"), user.toString());
            assertEquals("everyone", user.getString("profile_privacy"));

            JsonObject auth = reply.json().getJsonObject("auth");
            assertShape(auth, SESSION_AUTH);
            long inAYear = Instant.now().getEpochSecond() + 365L * 86_400;
            assertTrue(Math.abs(auth.getJsonNumber("auth_token_expiry").longValue() - inAYear) < 120, auth.toString());
            assertNotEquals(account.token(), auth.getString("auth_token"), "each login is a new session");
        }
    }

    @Test
    @RunAsClient
    default void loginRefusesWrongCredentials() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertError(api.postForm("login", "email", account.email(), "password", "wrong-one"), 402, "Incorrect Credentials");
        // near misses that ColibriSM's filter would have turned into the password are refused,
        // and do not replace it
        assertError(api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD + " "), 402, "Incorrect Credentials");
        assertError(api.postForm("login", "email", account.email(), "password", "<b>" + TestAccounts.PASSWORD), 402, "Incorrect Credentials");
        assertEquals(200, api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD).code());
        assertError(api.postForm("login", "email", "nobody-" + account.email(), "password", TestAccounts.PASSWORD), 402, "Incorrect Credentials");
        assertError(api.postForm("login", "email", account.email()), 402, "Incorrect Credentials");
        assertError(api.postForm("login"), 402, "Incorrect Credentials");
        assertError(api.postForm("login", "email", account.email(), "password", "x".repeat(21)), 402, "Incorrect Credentials");
    }

    @Test
    @RunAsClient
    default void loginRefusesAnUnknownDeviceType() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertError(api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD, "device_type", "windows"),
                402, "Incorrect device type");
    }

    // ---- refresh_access_token ----------------------------------------------------------------

    @Test
    @RunAsClient
    default void refreshRotatesBothTokensOfItsSessionOnly() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String otherDevice = api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD)
                .json().getJsonObject("auth").getString("auth_token");
        Reply reply = api.get("refresh_access_token", "refresh_token", account.refreshToken());
        assertEnvelope(reply, 200, "Token refreshed Out successful");
        assertShape(reply.data(), SESSION_AUTH);
        String newToken = reply.data().getString("auth_token");
        String newRefresh = reply.data().getString("refresh_token");

        assertError(api.postForm("logout", "session_id", account.token()), 401, "Unauthorized Access");
        assertError(api.postForm("refresh_access_token", "refresh_token", account.refreshToken()),
                400, "Invalid token value or user account disabled");
        assertEquals(200, api.postForm("refresh_access_token", "refresh_token", newRefresh).code());
        assertError(api.postForm("logout", "session_id", newToken), 401, "Unauthorized Access");
        assertEquals(200, api.postForm("logout", "session_id", otherDevice).code(), "the other device is untouched");
    }

    @Test
    @RunAsClient
    default void refreshRefusesMalformedAndUnknownTokens() {
        ApiClient api = api();
        assertError(api.postForm("refresh_access_token"), 400, "Incorrect token value");
        assertError(api.postForm("refresh_access_token", "refresh_token", "short"), 400, "Incorrect token value");
        assertError(api.postForm("refresh_access_token", "refresh_token", "a".repeat(251)), 400, "Incorrect token value");
        assertError(api.postForm("refresh_access_token", "refresh_token", "0".repeat(64)),
                400, "Invalid token value or user account disabled");
    }

    @Test
    @RunAsClient
    default void aRefreshTokenWorksOnceEvenWhenSentConcurrently() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        List<Reply> replies = Concurrently.call(6,
                i -> api.postForm("refresh_access_token", "refresh_token", account.refreshToken()));
        long successes = 0;
        for (Reply reply : replies) {
            if (reply.code() == 200) {
                successes++;
            } else {
                assertError(reply, 400, "Invalid token value or user account disabled");
            }
        }
        assertEquals(1, successes);
    }

    // ---- logout ------------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void logoutEndsOnlyTheCallingSession() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String otherDevice = api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD)
                .json().getJsonObject("auth").getString("auth_token");

        Reply reply = api.postMultipart("logout", "session_id", account.token());
        Wire.assertDone(reply, "Signout successful");
        assertError(api.postForm("logout", "session_id", account.token()), 401, "Unauthorized Access");
        assertEquals(200, api.postForm("logout", "session_id", otherDevice).code(), "the other device was still signed in");
    }

    @Test
    @RunAsClient
    default void sessionIdIsReadFromTheBodyTheQueryOrTheHeader() {
        ApiClient api = api();
        Account viaHeader = TestAccounts.create(api);
        Reply header = api.send(HttpRequest.newBuilder(api.url("logout", "")).header("session_id", viaHeader.token())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, header.code(), header.toString());

        Account viaQuery = TestAccounts.create(api);
        assertEquals(200, api.send(HttpRequest.newBuilder(api.url("logout", "session_id=" + viaQuery.token()))
                .POST(HttpRequest.BodyPublishers.noBody())).code());
    }

    @Test
    @RunAsClient
    default void anEmptySessionIdInTheBodyDoesNotHideTheQueryOne() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        Reply reply = api.send(HttpRequest.newBuilder(api.url("logout", "session_id=" + account.token()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session_id=")));
        assertEquals(200, reply.code(), reply.toString());
    }

    @Test
    @RunAsClient
    default void logoutNeedsASession() {
        ApiClient api = api();
        assertError(api.postForm("logout"), 401, "Unauthorized Access");
        assertError(api.postForm("logout", "session_id", "f".repeat(64)), 401, "Unauthorized Access");
        assertError(api.get("logout", "session_id", "' or 1=1 --"), 401, "Unauthorized Access");
    }

    // ---- suspended accounts (no endpoint suspends one yet: the fixture servlet does) ---------

    @Test
    @RunAsClient
    default void aSuspendedAccountCannotLogInUseItsSessionOrRefresh() {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        assertEquals(List.of("1"), Fixtures.sql(api, "UPDATE users SET status = 2 WHERE id = ?", account.id()));

        assertError(api.postForm("login", "email", account.email(), "password", TestAccounts.PASSWORD),
                402, "Account disabled or inactive");
        // the state is only told to the right password
        assertError(api.postForm("login", "email", account.email(), "password", "wrong1"), 402, "Incorrect Credentials");

        // its sessions answer 401
        assertError(api.get("get_priv_settings", "session_id", account.token()), 401, "Unauthorized Access");
        assertError(api.postForm("refresh_access_token", "refresh_token", account.refreshToken()),
                400, "Invalid token value or user account disabled");
    }

    private static void assertSignupError(ApiClient api, int code, String message, String first, String last,
            String username, String email, String password) {
        assertError(api.postForm("signup", "first_name", first, "last_name", last, "username", username,
                "email", email, "password", password), code, message);
    }
}
