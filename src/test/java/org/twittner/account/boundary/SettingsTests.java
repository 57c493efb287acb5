package org.twittner.account.boundary;

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
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * The settings endpoints over HTTP, as the apps call them: gen_settings, get_priv_settings,
 * set_priv_settings, language, change_password and save_pnotif_token. Every error with its exact
 * code and message, the effects (profile, login, follow requests, timeline.author_public,
 * push_tokens rows, sessions) and that nothing one user does reaches another user's row.
 * Implemented by ProfileApiIT, which gives the client of its deployment.
 */
public interface SettingsTests {

    ApiClient api();

    // ---- every endpoint ----------------------------------------------------------------------

    @Test
    @RunAsClient
    default void everySettingsEndpointNeedsALiveSession() {
        ApiClient api = api();
        Account ended = TestAccounts.create(api);
        assertDone(api.postForm("logout", "session_id", ended.token()), "Signout successful");
        String before = snapshot(api, ended.id());

        List<String> sessions = new ArrayList<>();
        sessions.add(null);
        sessions.add("");
        sessions.add("f".repeat(64));
        sessions.add(ended.token());
        for (String session : sessions) {
            String what = "session " + session;
            assertError(api.get("get_priv_settings", params(session)), 401, "Unauthorized Access");
            assertError(api.postForm("gen_settings", params(session, validFields(ended))), 401, "Unauthorized Access");
            assertError(api.postForm("set_priv_settings", params(session, "profile_visibility", "followers",
                    "contact_privacy", "followed", "follow_privacy", "approved", "search_visibility", "N")),
                    401, "Unauthorized Access");
            assertError(api.postForm("language", params(session, "lang_name", "french")), 401, "Unauthorized Access");
            assertError(api.postForm("change_password", params(session, "old_password", TestAccounts.PASSWORD,
                    "new_password", "another1")), 401, "Unauthorized Access");
            assertError(api.postMultipart("save_pnotif_token", params(session, "token", pushToken(80), "type", "ios")),
                    401, "Unauthorized Access");
            assertEquals(before, snapshot(api, ended.id()), "nothing changed with " + what);
        }
        assertEquals(0, Fixtures.number(api, "select count(*) from push_tokens where user_id = ?", ended.id()));
        signIn(api, ended.email(), TestAccounts.PASSWORD); // the password is still the old one
    }

    // ---- gen_settings ------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void genSettingsReplacesTheProfileAndAnswersTheUpdatedUser() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        String username = TestAccounts.newUsername();
        String email = username + "@example.org";

        Reply reply = api.postMultipart("gen_settings", params(user.token(), "first_name", "Zoë", "last_name", "Kassing",
                "about", "Hello \uD83D\uDE00 world", "gender", "F", "email", email, "username", username,
                "website", "https://zoe.example.org/about", "country_id", "81"));
        assertEnvelope(reply, 200, "Profile data updated successfully");
        JsonObject data = reply.data();
        assertShape(data, updatedUserShape());
        assertEquals(user.id(), data.getJsonNumber("id").longValue());
        assertEquals("Zoë", data.getString("first_name"), "UTF-8 survives multipart");
        assertEquals("Kassing", data.getString("last_name"));
        assertEquals(username, data.getString("user_name"));
        assertEquals(email, data.getString("email"));
        assertFalse(data.getBoolean("is_verified"));
        assertEquals("https://zoe.example.org/about", data.getString("website"));
        assertEquals("Hello \uD83D\uDE00 world", data.getString("about_you"));
        assertEquals("F", data.getString("gender"));
        assertEquals("Germany", data.getString("country"), "the country's English name");
        assertEquals(0, data.getInt("post_count"));
        assertEquals(0, data.getInt("following_count"));
        assertEquals(0, data.getInt("follower_count"));
        assertEquals("english", data.getString("language"));
        String lastActive = data.getString("last_active");
        assertFalse(lastActive.isBlank(), data.toString());
        assertFalse(lastActive.matches("\\d+"), "relative text, not Unix seconds: " + data);
        assertTrue(data.getString("member_since").matches(
                "(January|February|March|April|May|June|July|August|September|October|November|December), \\d{4}"),
                data.toString());

        JsonObject profile = ownProfile(api, user);
        assertEquals("Zoë", profile.getString("first_name"));
        assertEquals("Kassing", profile.getString("last_name"));
        assertEquals(username, profile.getString("user_name"));
        assertEquals(email, profile.getString("email"));
        assertEquals("Hello \uD83D\uDE00 world", profile.getString("about_you"));
        assertEquals("Hello \uD83D\uDE00 world", profile.getString("about"));
        assertEquals("https://zoe.example.org/about", profile.getString("website"));
        assertEquals("F", profile.getString("gender"));
        assertEquals("Germany", profile.getString("country"));
        assertEquals(user.id(), api.get("profile", "username", username).data().getJsonNumber("id").longValue(),
                "the new username finds the profile");

        assertError(api.postForm("login", "email", user.email(), "password", TestAccounts.PASSWORD), 402,
                "Incorrect Credentials");
        Reply login = api.postForm("login", "email", email, "password", TestAccounts.PASSWORD);
        assertEnvelope(login, 200, "User logged in successfully", "auth");
        JsonObject signedIn = login.data().getJsonObject("user");
        assertEquals(user.id(), signedIn.getJsonNumber("user_id").longValue());
        assertEquals(username, signedIn.getString("user_name"));
        assertEquals(email, signedIn.getString("email"));
        assertEquals("Zoë", signedIn.getString("first_name"));
        assertEquals("Germany", signedIn.getString("country"));
        assertEquals("F", signedIn.getString("gender"));
        assertEquals("https://zoe.example.org/about", signedIn.getString("website"));
        assertEquals("Hello \uD83D\uDE00 world", signedIn.getString("about_you"));

        // the longest values of every field are accepted as they are (an emoji is one character)
        String longName = "\uD83D\uDE00".repeat(25);
        String longLast = "Ab" + "c".repeat(23);
        String longAbout = "a".repeat(140);
        String longEmail = (username + "x".repeat(60)).substring(0, 43) + "@example.com";
        String longUsername = (username + "_".repeat(25)).substring(0, 25);
        String longWebsite = "https://example.org/" + "p".repeat(95);
        assertEquals(55, longEmail.length());
        assertEquals(115, longWebsite.length());
        Reply longest = api.postForm("gen_settings", params(user.token(), "first_name", longName, "last_name", longLast,
                "about", longAbout, "gender", "T", "email", longEmail, "username", longUsername, "website", longWebsite,
                "country_id", "1"));
        assertEnvelope(longest, 200, "Profile data updated successfully");
        assertShape(longest.data(), updatedUserShape());
        profile = ownProfile(api, user);
        assertEquals(longName, profile.getString("first_name"));
        assertEquals(longLast, profile.getString("last_name"));
        assertEquals(longAbout, profile.getString("about_you"));
        assertEquals(longEmail, profile.getString("email"));
        assertEquals(longUsername, profile.getString("user_name"));
        assertEquals(longWebsite, profile.getString("website"));
        assertEquals("T", profile.getString("gender"));
        assertEquals("United States", profile.getString("country"));

        // full replacement: the optional fields sent empty are cleared
        Reply shortest = api.postForm("gen_settings", params(user.token(), "first_name", "Abc", "last_name", "Xyz",
                "about", "", "gender", "O", "email", longEmail, "username", longUsername, "website", "",
                "country_id", "2"));
        assertEnvelope(shortest, 200, "Profile data updated successfully");
        assertEquals("", shortest.data().getString("about_you"));
        assertEquals("", shortest.data().getString("website"));
        profile = ownProfile(api, user);
        assertEquals("Abc", profile.getString("first_name"));
        assertEquals("Xyz", profile.getString("last_name"));
        assertEquals("", profile.getString("about_you"));
        assertEquals("", profile.getString("website"));
        assertEquals("O", profile.getString("gender"));
        assertEquals("Canada", profile.getString("country"));
        signIn(api, longEmail, TestAccounts.PASSWORD);
    }

    @Test
    @RunAsClient
    default void genSettingsRefusesEachBadFieldInTheDocumentedOrderAndChangesNothing() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        Account other = TestAccounts.create(api);
        String before = snapshot(api, user.id());
        String otherBefore = snapshot(api, other.id());
        String newUsername = TestAccounts.newUsername();
        String newEmail = newUsername + "@example.org";

        // everything wrong: each fix uncovers the next check
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("first_name", "ab");
        fields.put("last_name", "x".repeat(26));
        fields.put("about", "a".repeat(141));
        fields.put("email", "not-an-email");
        fields.put("gender", "X");
        fields.put("website", "ftp://example.org");
        fields.put("country_id", "9999");
        fields.put("username", "ab");
        String[][] steps = {
            {null, null, badFirstName()},
            {"first_name", "Dan", badLastName()},
            {"last_name", "Kassing", aboutTooLong()},
            {"about", "", badEmail()},
            {"email", other.email().toUpperCase(), "This email address is already taken"},
            {"email", newEmail, "The user gender you selected is not valid"},
            {"gender", "M", badWebsite()},
            {"website", "", "Country your selected is not valid"},
            {"country_id", "2", badUsername()},
            {"username", "bad name", badUsernameFormat()},
            {"username", other.username().toUpperCase(), "This username is already taken, please select another"},
        };
        for (String[] step : steps) {
            if (step[0] != null) {
                fields.put(step[0], step[1]);
            }
            assertError(api.postForm("gen_settings", params(user.token(), fields)), 400, step[2]);
        }
        assertEquals(before, snapshot(api, user.id()), "a refused call writes nothing");

        // every bad value of each field, the others valid
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("first_name", List.of("", "   ", "ab", "  ab  ", "x".repeat(26), "\uD83D\uDE00".repeat(26)));
        bad.put("last_name", List.of("", "ab", "  ab  ", "x".repeat(26), "\uD83D\uDE00".repeat(26)));
        bad.put("about", List.of("a".repeat(141)));
        bad.put("email", List.of("", "not-an-email", "a@", "@example.org", "a b@example.org",
                (newUsername + "x".repeat(60)).substring(0, 44) + "@example.com"));
        bad.put("gender", List.of("", "X", "male", "MF"));
        bad.put("website", List.of("example.org", "ftp://example.org", "http://", "javascript:alert(1)",
                "https://example.org/" + "p".repeat(96)));
        bad.put("country_id", List.of("", "0", "-1", "9999", "abc"));
        bad.put("username", List.of("", "ab", "x".repeat(26)));
        Map<String, String> messages = Map.of("first_name", badFirstName(), "last_name", badLastName(),
                "about", aboutTooLong(), "email", badEmail(), "gender", "The user gender you selected is not valid",
                "website", badWebsite(), "country_id", "Country your selected is not valid", "username", badUsername());
        Map<String, String> valid = validFields(user);
        bad.forEach((field, values) -> {
            for (String value : values) {
                Map<String, String> sent = new LinkedHashMap<>(valid);
                sent.put(field, value);
                assertError(api.postForm("gen_settings", params(user.token(), sent)), 400, messages.get(field));
            }
        });
        for (String value : List.of("bad name", "bad-name", "b\u00e4d_name", "dot.name")) {
            Map<String, String> sent = new LinkedHashMap<>(valid);
            sent.put("username", value);
            assertError(api.postForm("gen_settings", params(user.token(), sent)), 400, badUsernameFormat());
        }
        for (String field : List.of("first_name", "last_name", "email", "gender", "country_id", "username")) {
            Map<String, String> sent = new LinkedHashMap<>(valid);
            sent.remove(field);
            assertError(api.postForm("gen_settings", params(user.token(), sent)), 400, messages.get(field));
        }
        assertEquals(before, snapshot(api, user.id()), "a refused call writes nothing");
        assertEquals(otherBefore, snapshot(api, other.id()), "the owner of the taken values is untouched");

        // once all is right it goes through
        fields.put("username", newUsername);
        assertEnvelope(api.postForm("gen_settings", params(user.token(), fields)), 200, "Profile data updated successfully");
        assertEquals(newUsername, ownProfile(api, user).getString("user_name"));
        assertEquals(otherBefore, snapshot(api, other.id()));
    }

    @Test
    @RunAsClient
    default void genSettingsKeepsOwnNamesInAnyCaseAndResetsVerificationOnlyWhenTheUsernameChanges() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        Fixtures.sql(api, "update users set verified = 1 where id = ?", user.id());

        Map<String, String> fields = validFields(user);
        fields.put("email", user.email().toUpperCase());
        fields.put("about", "still me");
        Reply same = api.postForm("gen_settings", params(user.token(), fields));
        assertEnvelope(same, 200, "Profile data updated successfully");
        assertEquals(user.username(), same.data().getString("user_name"));
        assertTrue(same.data().getBoolean("is_verified"), "the username did not change: " + same);
        assertEquals(1, Fixtures.number(api, "select verified from users where id = ?", user.id()));
        signIn(api, user.email(), TestAccounts.PASSWORD); // e-mails match whatever their case

        fields.put("username", user.username().toUpperCase());
        assertEnvelope(api.postForm("gen_settings", params(user.token(), fields)), 200, "Profile data updated successfully");

        Fixtures.sql(api, "update users set verified = 1 where id = ?", user.id());
        String renamed = TestAccounts.newUsername();
        fields.put("username", renamed);
        Reply changed = api.postForm("gen_settings", params(user.token(), fields));
        assertEnvelope(changed, 200, "Profile data updated successfully");
        assertEquals(renamed, changed.data().getString("user_name"));
        assertFalse(changed.data().getBoolean("is_verified"), changed.toString());
        assertEquals(0, Fixtures.number(api, "select verified from users where id = ?", user.id()));
        assertFalse(ownProfile(api, user).getBoolean("is_verified"));

        // the old username is free again for someone else
        Account newcomer = TestAccounts.create(api);
        Map<String, String> takeOld = validFields(newcomer);
        takeOld.put("username", user.username());
        assertEnvelope(api.postForm("gen_settings", params(newcomer.token(), takeOld)), 200,
                "Profile data updated successfully");
        assertEquals(user.id(), api.get("profile", "username", renamed).data().getJsonNumber("id").longValue());
        assertEquals(newcomer.id(), api.get("profile", "username", user.username()).data().getJsonNumber("id").longValue());
    }

    // ---- get_priv_settings, set_priv_settings ------------------------------------------------

    @Test
    @RunAsClient
    default void privacySettingsStartAtTheDefaultsAndEveryValueRoundTrips() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        assertPrivacy(api, user, "everyone", "everyone", "everyone", true);

        assertDone(setPrivacy(api, user.token(), "followers", "followed", "approved", "N"), "User privacy settings updated");
        assertPrivacy(api, user, "followers", "followed", "approved", false);
        assertEquals(1, Fixtures.number(api, "select count(*) from users where id = ? and profile_privacy = 'followers'"
                + " and contact_privacy = 'followed' and follow_privacy = 'approved' and search_visibility = 0", user.id()));
        assertEquals("followers", ownProfile(api, user).getString("profile_privacy"));
        assertEquals("followers", api.postForm("login", "email", user.email(), "password", TestAccounts.PASSWORD)
                .data().getJsonObject("user").getString("profile_privacy"));

        // values are matched after strip; multipart as the apps send it
        assertDone(api.postMultipart("set_priv_settings", params(user.token(), "profile_visibility", " everyone ",
                "contact_privacy", "everyone ", "follow_privacy", " everyone", "search_visibility", " Y ")),
                "User privacy settings updated");
        assertPrivacy(api, user, "everyone", "everyone", "everyone", true);
        assertEquals(1, Fixtures.number(api, "select count(*) from users where id = ? and profile_privacy = 'everyone'"
                + " and contact_privacy = 'everyone' and follow_privacy = 'everyone' and search_visibility = 1", user.id()));
        assertEquals("everyone", ownProfile(api, user).getString("profile_privacy"));

        assertDone(setPrivacy(api, user.token(), "followers", "everyone", "everyone", "Y"), "User privacy settings updated");
        assertPrivacy(api, user, "followers", "everyone", "everyone", true);
        assertDone(setPrivacy(api, user.token(), "everyone", "followed", "everyone", "N"), "User privacy settings updated");
        assertPrivacy(api, user, "everyone", "followed", "everyone", false);
        assertDone(setPrivacy(api, user.token(), "everyone", "everyone", "approved", "Y"), "User privacy settings updated");
        assertPrivacy(api, user, "everyone", "everyone", "approved", true);
    }

    @Test
    @RunAsClient
    default void setPrivacySettingsRefusesMissingOrOtherValuesAndChangesNothing() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        long post = publish(api, user, "public until the settings change");
        String before = snapshot(api, user.id());

        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("profile_visibility", "followers");
        valid.put("contact_privacy", "followed");
        valid.put("follow_privacy", "approved");
        valid.put("search_visibility", "N");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("profile_visibility", List.of("", "Followers", "EVERYONE", "public", "followed", "approved"));
        bad.put("contact_privacy", List.of("", "Followed", "followers", "nobody", "approved"));
        bad.put("follow_privacy", List.of("", "Approved", "followers", "everybody", "followed"));
        bad.put("search_visibility", List.of("", "y", "n", "yes", "true", "1", "0"));
        for (String field : valid.keySet()) {
            Map<String, String> missing = new LinkedHashMap<>(valid);
            missing.remove(field);
            assertError(api.postForm("set_priv_settings", params(user.token(), missing)), 400, "Invalid request data");
            for (String value : bad.get(field)) {
                Map<String, String> sent = new LinkedHashMap<>(valid);
                sent.put(field, value);
                assertError(api.postForm("set_priv_settings", params(user.token(), sent)), 400, "Invalid request data");
            }
        }
        assertError(api.postForm("set_priv_settings", params(user.token())), 400, "Invalid request data");

        assertPrivacy(api, user, "everyone", "everyone", "everyone", true);
        assertEquals(before, snapshot(api, user.id()), "a refused call writes nothing");
        assertEquals(1, Fixtures.number(api, "select author_public from timeline where post_id = ? and kind = 'post'", post));
    }

    @Test
    @RunAsClient
    default void profileVisibilityDecidesAuthorPublicOfEveryTimelineEntryOfTheAuthorsPosts() {
        ApiClient api = api();
        Account alice = TestAccounts.create(api);
        Account bob = TestAccounts.create(api);
        Account carol = TestAccounts.create(api);
        long alicesPost = publish(api, alice, "alice writes");
        long bobsPost = publish(api, bob, "bob writes");
        assertEquals(200, repost(api, bob, alicesPost).code());
        assertEquals(200, repost(api, carol, alicesPost).code());
        assertEquals(200, repost(api, alice, bobsPost).code());
        assertEquals(3, entries(api, alice, null), "alice's post and its two reposts name her as the author");
        assertEquals(2, entries(api, bob, null), "bob's post and alice's repost of it");
        assertEquals(3, entries(api, alice, 1));

        assertDone(setPrivacy(api, alice.token(), "followers", "everyone", "everyone", "Y"), "User privacy settings updated");
        assertEquals(3, entries(api, alice, 0), "every entry of alice's posts, other users' reposts included");
        assertEquals(0, entries(api, alice, 1));
        assertEquals(1, Fixtures.number(api, "select count(*) from timeline where user_id = ? and post_id = ? and author_public = 0",
                bob.id(), alicesPost), "bob's repost of alice's post");
        assertEquals(2, entries(api, bob, 1), "alice's repost of bob's post is about bob, who is public");

        long privatePost = publish(api, alice, "written while followers-only");
        assertEquals(0, Fixtures.number(api, "select author_public from timeline where post_id = ? and kind = 'post'", privatePost));

        assertDone(setPrivacy(api, alice.token(), "everyone", "everyone", "everyone", "Y"), "User privacy settings updated");
        assertEquals(0, entries(api, alice, 0));
        assertEquals(4, entries(api, alice, 1));

        // another user's switch touches only that user's entries
        assertDone(setPrivacy(api, bob.token(), "followers", "everyone", "everyone", "Y"), "User privacy settings updated");
        assertEquals(2, entries(api, bob, 0));
        assertEquals(4, entries(api, alice, 1));
        assertDone(setPrivacy(api, bob.token(), "everyone", "everyone", "everyone", "Y"), "User privacy settings updated");
        assertEquals(2, entries(api, bob, 1));
        assertEquals(4, entries(api, alice, 1));

        // other settings leave author_public alone
        assertDone(setPrivacy(api, alice.token(), "everyone", "followed", "approved", "N"), "User privacy settings updated");
        assertEquals(4, entries(api, alice, 1));
    }

    @Test
    @RunAsClient
    default void approvedFollowPrivacyTurnsAFollowIntoARequest() {
        ApiClient api = api();
        Account owner = TestAccounts.create(api);
        Account alice = TestAccounts.create(api);
        Account carol = TestAccounts.create(api);

        assertDone(setPrivacy(api, owner.token(), "everyone", "everyone", "approved", "Y"), "User privacy settings updated");
        Reply requested = follow(api, alice, owner);
        assertEnvelope(requested, 201, "Subscription request sent successfully");
        assertShape(requested.data(), shape("follow", BOOLEAN));
        assertFalse(requested.data().getBoolean("follow"));
        assertEquals(List.of("pending"), Fixtures.sql(api,
                "select status from follows where follower_id = ? and following_id = ?", alice.id(), owner.id()));
        assertEquals(0, Fixtures.number(api, "select follower_count from users where id = ?", owner.id()));
        assertPrivacy(api, alice, "everyone", "everyone", "everyone", true);

        assertDone(setPrivacy(api, owner.token(), "everyone", "everyone", "everyone", "Y"), "User privacy settings updated");
        Reply subscribed = follow(api, carol, owner);
        assertEnvelope(subscribed, 200, "Subscribed successfully");
        assertTrue(subscribed.data().getBoolean("follow"));
        assertEquals(List.of("active"), Fixtures.sql(api,
                "select status from follows where follower_id = ? and following_id = ?", carol.id(), owner.id()));
        assertEquals(1, Fixtures.number(api, "select follower_count from users where id = ?", owner.id()));
    }

    // ---- language ----------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void languageAcceptsEveryDocumentedNameAndShowsInLoginAndProfile() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        assertEquals("english", signInUser(api, user.email(), TestAccounts.PASSWORD).getString("language"));

        for (String language : List.of("english", "french", "german", "italian", "russian", "portuguese", "spanish",
                "turkish", "dutch", "ukraine", "arabic")) {
            assertDone(api.postForm("language", params(user.token(), "lang_name", language)), "Language changed successfully");
            assertEquals(List.of(language), Fixtures.sql(api, "select language from users where id = ?", user.id()));
        }
        assertDone(api.postMultipart("language", params(user.token(), "lang_name", " French ")), "Language changed successfully");
        assertEquals("french", ownProfile(api, user).getString("language"));
        assertDone(api.postForm("language", params(user.token(), "lang_name", "GERMAN")), "Language changed successfully");
        assertEquals("german", signInUser(api, user.email(), TestAccounts.PASSWORD).getString("language"));
        assertEquals("german", ownProfile(api, user).getString("language"));

        assertError(api.postForm("language", params(user.token())), 400, "Display language name is invalid or missing");
        for (String bad : List.of("", "   ", "klingon", "en", "de", "ukrainian", "english!", "eng lish")) {
            assertError(api.postForm("language", params(user.token(), "lang_name", bad)), 400,
                    "Display language name is invalid or missing");
        }
        assertEquals("german", signInUser(api, user.email(), TestAccounts.PASSWORD).getString("language"),
                "a refused call changes nothing");
    }

    // ---- change_password ---------------------------------------------------------------------

    @Test
    @RunAsClient
    default void changePasswordRefusesBadValuesInTheDocumentedOrder() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        String before = snapshot(api, user.id());
        String old = "Incorrect old password value";
        String fresh = "Incorrect new password value";
        String[][] cases = {
            {null, "newpass1", old},
            {"", "newpass1", old},
            {"12345", "newpass1", old},
            {"x".repeat(21), "newpass1", old},
            {"wrongpass", "newpass1", old},
            {TestAccounts.PASSWORD, null, fresh},
            {TestAccounts.PASSWORD, "", fresh},
            {TestAccounts.PASSWORD, "12345", fresh},
            {TestAccounts.PASSWORD, "x".repeat(21), fresh},
            {TestAccounts.PASSWORD, "\uD83D\uDE00".repeat(21), fresh},
            // order: the old value's length, then the new value's length, then whether the old one matches
            {null, null, old},
            {"12345", "12345", old},
            {"wrongpass", "12345", fresh},
            {"wrongpass", null, fresh},
        };
        for (String[] c : cases) {
            List<String> fields = new ArrayList<>();
            if (c[0] != null) {
                fields.add("old_password");
                fields.add(c[0]);
            }
            if (c[1] != null) {
                fields.add("new_password");
                fields.add(c[1]);
            }
            assertError(api.postForm("change_password", params(user.token(), fields.toArray(String[]::new))), 402, c[2]);
        }
        assertEquals(before, snapshot(api, user.id()), "the password hash did not change");
        assertEquals(200, api.get("get_priv_settings", "session_id", user.token()).code(), "the session is not ended");
        signIn(api, user.email(), TestAccounts.PASSWORD);
    }

    @Test
    @RunAsClient
    default void changePasswordEndsEveryOtherSessionOfTheAccountOnly() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        Account bystander = TestAccounts.create(api);
        JsonObject otherDevice = signIn(api, user.email(), TestAccounts.PASSWORD);
        String otherToken = otherDevice.getString("auth_token");
        assertDone(api.postForm("save_pnotif_token", "session_id", otherToken, "token", pushToken(90)),
                "Notification token saved");

        assertDone(api.postForm("change_password", params(user.token(), "old_password", TestAccounts.PASSWORD,
                "new_password", "n3w-Passw0rd")), "Password changed");
        assertError(api.get("get_priv_settings", "session_id", otherToken), 401, "Unauthorized Access");
        assertError(api.postForm("refresh_access_token", "refresh_token", otherDevice.getString("refresh_token")),
                400, "Invalid token value or user account disabled");
        assertEquals(0, Fixtures.number(api, "select count(*) from push_tokens where user_id = ?", user.id()),
                "the ended device gets no more pushes");
        assertEnvelope(api.get("get_priv_settings", "session_id", user.token()), 200, "");
        assertPrivacy(api, user, "everyone", "everyone", "everyone", true); // the caller's session keeps working

        assertError(api.postForm("login", "email", user.email(), "password", TestAccounts.PASSWORD), 402, "Incorrect Credentials");
        signIn(api, user.email(), "n3w-Passw0rd");
        assertError(api.postForm("change_password", params(user.token(), "old_password", TestAccounts.PASSWORD,
                "new_password", "another1")), 402, "Incorrect old password value");

        assertEquals(200, api.get("get_priv_settings", "session_id", bystander.token()).code(), "another account's session");
        signIn(api, bystander.email(), TestAccounts.PASSWORD);

        // the limits: 20 characters (emoji count as one each) and 6
        String twenty = "\uD83D\uDE00".repeat(20);
        assertDone(api.postMultipart("change_password", params(user.token(), "old_password", "n3w-Passw0rd",
                "new_password", twenty)), "Password changed");
        signIn(api, user.email(), twenty);
        assertDone(api.postForm("change_password", params(user.token(), "old_password", twenty, "new_password", "abc123")),
                "Password changed");
        signIn(api, user.email(), "abc123");
        assertError(api.postForm("login", "email", user.email(), "password", twenty), 402, "Incorrect Credentials");
    }

    // ---- save_pnotif_token -------------------------------------------------------------------

    @Test
    @RunAsClient
    default void pushTokensAreOneRowPerSignedInDevice() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        String phone = user.token();
        String tablet = signIn(api, user.email(), TestAccounts.PASSWORD).getString("auth_token");
        String first = pushToken(50);
        String second = pushToken(250);
        String third = pushToken(163);

        assertDone(api.postMultipart("save_pnotif_token", params(phone, "token", first)), "Notification token saved");
        assertEquals(List.of(first), pushTokens(api, user.id()));
        assertEquals(List.of("android"), Fixtures.sql(api, "select platform from push_tokens where token = ?", first),
                "android when no type is sent");

        assertDone(api.postForm("save_pnotif_token", params(tablet, "token", second, "type", "ios")), "Notification token saved");
        assertEquals(sorted(first, second), pushTokens(api, user.id()));
        assertEquals(List.of("ios"), Fixtures.sql(api, "select platform from push_tokens where token = ?", second));
        assertEquals(2, Fixtures.number(api, "select count(distinct session_id) from push_tokens where user_id = ?", user.id()));

        assertDone(api.postForm("save_pnotif_token", params(phone, "token", third, "type", "android")), "Notification token saved");
        assertEquals(sorted(second, third), pushTokens(api, user.id()), "the phone's new token replaces its old one");
        assertEquals(0, Fixtures.number(api, "select count(*) from push_tokens where token = ?", first));
        assertDone(api.postForm("save_pnotif_token", params(phone, "token", third)), "Notification token saved");
        assertEquals(sorted(second, third), pushTokens(api, user.id()), "saving the same token again keeps one row");

        assertDone(api.postForm("logout", "session_id", tablet), "Signout successful");
        assertEquals(List.of(third), pushTokens(api, user.id()), "signing out removes the device's token");

        // another account signs in on the same phone: the token follows the new session
        Account other = TestAccounts.create(api);
        assertDone(api.postForm("save_pnotif_token", params(other.token(), "token", third, "type", "ios")),
                "Notification token saved");
        assertEquals(List.of(third), pushTokens(api, other.id()));
        assertEquals(List.of(), pushTokens(api, user.id()));
        assertEquals(List.of(String.valueOf(other.id())),
                Fixtures.sql(api, "select user_id from push_tokens where token = ?", third));
        assertEquals(List.of("ios"), Fixtures.sql(api, "select platform from push_tokens where token = ?", third));
    }

    @Test
    @RunAsClient
    default void pushTokenRefusesBadTokensAndDeviceTypes() {
        ApiClient api = api();
        Account user = TestAccounts.create(api);
        assertError(api.postForm("save_pnotif_token", params(user.token())), 400, "Incorrect token value");
        assertError(api.postForm("save_pnotif_token", params(user.token(), "type", "ios")), 400, "Incorrect token value");
        for (String token : List.of("", pushToken(49), pushToken(251), pushToken(1000))) {
            assertError(api.postForm("save_pnotif_token", params(user.token(), "token", token)), 400, "Incorrect token value");
            assertError(api.postForm("save_pnotif_token", params(user.token(), "token", token, "type", "ios")), 400,
                    "Incorrect token value");
        }
        for (String type : List.of("windows", "web", "androidx")) {
            assertError(api.postForm("save_pnotif_token", params(user.token(), "token", pushToken(60), "type", type)), 400,
                    "Incorrect device type value");
        }
        assertEquals(0, Fixtures.number(api, "select count(*) from push_tokens where user_id = ?", user.id()));
    }

    // ---- between users -----------------------------------------------------------------------

    @Test
    @RunAsClient
    default void settingsCallsOfOneUserNeverChangeAnotherUser() {
        ApiClient api = api();
        Account alice = TestAccounts.create(api);
        Account bob = TestAccounts.create(api);
        long bobsPost = publish(api, bob, "bob's own post");
        String bobBefore = snapshot(api, bob.id());
        long bobSessions = Fixtures.number(api, "select count(*) from sessions where user_id = ?", bob.id());
        String bobId = String.valueOf(bob.id());

        // alice's session with bob's id in every place a client could put it
        Map<String, String> fields = validFields(alice);
        fields.put("first_name", "Mallory");
        fields.put("user_id", bobId);
        fields.put("id", bobId);
        Reply general = api.postForm("gen_settings", params(alice.token(), fields));
        assertEnvelope(general, 200, "Profile data updated successfully");
        assertEquals(alice.id(), general.data().getJsonNumber("id").longValue());
        assertDone(api.postForm("set_priv_settings", params(alice.token(), "user_id", bobId, "profile_visibility", "followers",
                "contact_privacy", "followed", "follow_privacy", "approved", "search_visibility", "N")),
                "User privacy settings updated");
        assertDone(api.postForm("language", params(alice.token(), "user_id", bobId, "lang_name", "dutch")),
                "Language changed successfully");
        assertDone(api.postForm("save_pnotif_token", params(alice.token(), "user_id", bobId, "token", pushToken(70))),
                "Notification token saved");
        assertDone(api.postForm("change_password", params(alice.token(), "user_id", bobId, "old_password", TestAccounts.PASSWORD,
                "new_password", "alices-new1")), "Password changed");
        Reply privacy = api.get("get_priv_settings", "session_id", alice.token(), "user_id", bobId);
        assertEquals("followers", privacy.data().getString("profile_visibility"), "get_priv_settings answers the caller's");

        // all of it happened to alice
        assertEquals("Mallory", ownProfile(api, alice).getString("first_name"));
        assertEquals("dutch", signInUser(api, alice.email(), "alices-new1").getString("language"));
        assertEquals(1, Fixtures.number(api, "select count(*) from push_tokens where user_id = ?", alice.id()));

        // and none of it to bob
        assertEquals(bobBefore, snapshot(api, bob.id()));
        assertPrivacy(api, bob, "everyone", "everyone", "everyone", true);
        assertEquals(0, Fixtures.number(api, "select count(*) from push_tokens where user_id = ?", bob.id()));
        assertEquals(bobSessions, Fixtures.number(api, "select count(*) from sessions where user_id = ?", bob.id()));
        assertEquals(1, Fixtures.number(api, "select author_public from timeline where post_id = ? and kind = 'post'", bobsPost));
        JsonObject bobsProfile = ownProfile(api, bob);
        assertEquals("Test", bobsProfile.getString("first_name"));
        assertEquals("english", bobsProfile.getString("language"));
        assertEquals("everyone", bobsProfile.getString("profile_privacy"));
        JsonObject bobSignedIn = signInUser(api, bob.email(), TestAccounts.PASSWORD);
        assertEquals(bob.username(), bobSignedIn.getString("user_name"));
        assertEquals(200, follow(api, alice, bob).code(), "bob still takes followers directly");
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** data of gen_settings. */
    private static Map<String, Wire.Type> updatedUserShape() {
        return shape("id", NUMBER, "first_name", STRING, "last_name", STRING, "user_name", STRING, "email", STRING,
                "is_verified", BOOLEAN, "website", STRING, "about_you", STRING, "gender", STRING, "country", STRING,
                "post_count", NUMBER, "ip_address", STRING, "following_count", NUMBER, "follower_count", NUMBER,
                "language", STRING, "last_active", STRING, "member_since", STRING);
    }

    private static String badFirstName() {
        return "Invlid user first name";
    }

    private static String badLastName() {
        return "Invlid user last name";
    }

    private static String aboutTooLong() {
        return "The text you entered is too long, the maximum length is 140 characters";
    }

    private static String badEmail() {
        return "The email address you entered does not match the valid format.";
    }

    private static String badWebsite() {
        return "Website URL address you entered is not valid";
    }

    private static String badUsername() {
        return "Username is missing or inavlid";
    }

    private static String badUsernameFormat() {
        return "This username does not match the valid format. Please select a username of no more than 25 characters"
                + " using only letters (a-z) numbers and underscores";
    }

    /** The account's current values as gen_settings takes them (all valid). */
    private static Map<String, String> validFields(Account account) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("first_name", "Test");
        fields.put("last_name", "User");
        fields.put("about", "");
        fields.put("gender", "M");
        fields.put("email", account.email());
        fields.put("username", account.username());
        fields.put("website", "");
        fields.put("country_id", "1");
        return fields;
    }

    /** session_id (left out when null) and the fields, as name-value pairs for ApiClient. */
    private static String[] params(String session, Map<String, String> fields) {
        List<String> all = new ArrayList<>();
        if (session != null) {
            all.add("session_id");
            all.add(session);
        }
        fields.forEach((name, value) -> {
            all.add(name);
            all.add(value);
        });
        return all.toArray(String[]::new);
    }

    private static String[] params(String session, String... nameValuePairs) {
        return params(session, ApiClient.fields(nameValuePairs));
    }

    /** The user's row as far as settings go (names, contact, privacy, language, password). */
    private static String snapshot(ApiClient api, long userId) {
        return Fixtures.sql(api, "select concat(username, '|', email, '|', first_name, '|', last_name, '|', about, '|',"
                + " gender, '|', website, '|', country_id, '|', language, '|', verified, '|', status, '|', profile_privacy,"
                + " '|', follow_privacy, '|', contact_privacy, '|', search_visibility, '|', password_hash)"
                + " from users where id = ?", userId).get(0);
    }

    private static Reply setPrivacy(ApiClient api, String session, String profile, String contact, String follow,
            String search) {
        return api.postForm("set_priv_settings", params(session, "profile_visibility", profile, "contact_privacy", contact,
                "follow_privacy", follow, "search_visibility", search));
    }

    private static void assertPrivacy(ApiClient api, Account account, String profile, String contact, String follow,
            boolean search) {
        Reply reply = api.get("get_priv_settings", "session_id", account.token());
        assertEnvelope(reply, 200, "");
        JsonObject data = reply.data();
        assertShape(data, shape("profile_visibility", STRING, "contact_privacy", STRING, "follow_privacy", STRING,
                "search_visibility", BOOLEAN));
        assertEquals(profile, data.getString("profile_visibility"), data.toString());
        assertEquals(contact, data.getString("contact_privacy"), data.toString());
        assertEquals(follow, data.getString("follow_privacy"), data.toString());
        assertEquals(search, data.getBoolean("search_visibility"), data.toString());
    }

    /** The user's own profile, read with the user's session (e-mail shown). */
    private static JsonObject ownProfile(ApiClient api, Account account) {
        Reply reply = api.get("profile", "user_id", String.valueOf(account.id()), "session_id", account.token());
        assertEnvelope(reply, 200, "Profile fetched successfully");
        return reply.data();
    }

    /** A new session: login's auth object. */
    private static JsonObject signIn(ApiClient api, String email, String password) {
        Reply reply = api.postForm("login", "email", email, "password", password);
        assertEnvelope(reply, 200, "User logged in successfully", "auth");
        return reply.json().getJsonObject("auth");
    }

    /** A new session: login's data.user. */
    private static JsonObject signInUser(ApiClient api, String email, String password) {
        Reply reply = api.postForm("login", "email", email, "password", password);
        assertEnvelope(reply, 200, "User logged in successfully", "auth");
        return reply.data().getJsonObject("user");
    }

    private static long publish(ApiClient api, Account author, String text) {
        Reply reply = api.postForm("publish_post", "session_id", author.token(), "post_text", text);
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonNumber("id").longValue();
    }

    private static Reply repost(ApiClient api, Account who, long post) {
        return api.postForm("publication_repost", "session_id", who.token(), "post_id", String.valueOf(post));
    }

    private static Reply follow(ApiClient api, Account who, Account target) {
        return api.postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    /** Timeline rows naming {@code author} as the author; with author_public = {@code isPublic} unless null. */
    private static long entries(ApiClient api, Account author, Integer isPublic) {
        return isPublic == null
                ? Fixtures.number(api, "select count(*) from timeline where author_id = ?", author.id())
                : Fixtures.number(api, "select count(*) from timeline where author_id = ? and author_public = ?",
                        author.id(), isPublic);
    }

    /** A unique push token of this length (FCM tokens have letters, digits, ':', '-' and '_'). */
    private static String pushToken(int length) {
        StringBuilder token = new StringBuilder("fcm:");
        while (token.length() < length) {
            token.append(UUID.randomUUID().toString().replace("-", "_"));
        }
        return token.substring(0, length);
    }

    private static List<String> pushTokens(ApiClient api, long userId) {
        // sorted here: the databases' collations order ':' and '_' differently
        return Fixtures.sql(api, "select token from push_tokens where user_id = ?", userId).stream().sorted().toList();
    }

    private static List<String> sorted(String... tokens) {
        return Stream.of(tokens).sorted().toList();
    }
}
