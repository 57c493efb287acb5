package org.twittner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/** Creates accounts through the API. Names are unique, so tests share a database safely. */
public final class TestAccounts {

    public static final String PASSWORD = "secret1";

    private TestAccounts() {
    }

    /** A fresh, valid username (3-25 chars of [A-Za-z0-9_]). */
    public static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Signs up a new user and logs it in; returns the login answer. */
    public static Account create(ApiClient api) {
        String username = newUsername();
        String email = username + "@example.com";
        ApiClient.Reply signup = api.postForm("signup", "first_name", "Test", "last_name", "User",
                "username", username, "email", email, "password", PASSWORD);
        assertEquals(200, signup.code(), signup.toString());
        ApiClient.Reply login = api.postForm("login", "email", email, "password", PASSWORD);
        assertEquals(200, login.code(), login.toString());
        return new Account(login.data().getJsonObject("user").getJsonNumber("user_id").longValue(), username, email,
                login.json().getJsonObject("auth").getString("auth_token"),
                login.json().getJsonObject("auth").getString("refresh_token"));
    }

    /** A signed-in test user. */
    public record Account(long id, String username, String email, String token, String refreshToken) {
    }
}
