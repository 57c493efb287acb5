package org.twittner.profile.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.OBJECT;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twittner.account.boundary.SettingsTests;
import org.twittner.account.boundary.VerificationAndDeletionTests;
import org.twittner.media.control.MediaPaths;
import org.twittner.media.control.MediaStore;
import org.twittner.platform.Envelope;
import org.twittner.platform.SchemaMigrator;
import org.twittner.platform.WireJson;
import org.twittner.profile.control.ProfileImageSwap;
import org.twittner.profile.control.Profiles;
import org.twittner.profile.control.ProfileView;
import org.twittner.session.boundary.SessionTests;
import org.twittner.session.control.Accounts;
import org.twittner.platform.Caller;
import org.twittner.session.control.CallerSessions;
import org.twittner.session.control.SignupForm;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Wire;

/**
 * profile: the wire contract over HTTP (client-side tests), and who sees what, checked inside
 * the server against the EJBs and the database. One deployment (a server start costs half a
 * minute) for the profile tests, the image uploads' ({@link ProfileImagesTests}), and the
 * account and session tests, grouped by subject in the interfaces this class implements:
 * settings, verification and deletion ({@code org.twittner.account.boundary}), and signup,
 * login, refresh_access_token, logout and the wire rules every endpoint shares
 * ({@link SessionTests}). Their tests run as the apps call the server: {@code @RunAsClient}.
 * The password reset and social sign-in tests run in SocialApiIT's deployment: this class is
 * loaded inside the server too, where the classes their methods name (a browser, a mail server,
 * the JDK's HTTP server) are not: JUnit's discovery on Payara and Weld's injection on WildFly
 * fail on them.
 */
@ExtendWith(ArquillianExtension.class)
class ProfileApiIT implements ProfileImagesTests, SettingsTests, VerificationAndDeletionTests, SessionTests {

    private static final Map<String, Wire.Type> RELATION = shape(
            "is_blocked_visitor", BOOLEAN, "is_blocked_profile", BOOLEAN, "is_following", BOOLEAN);

    private static final Map<String, Wire.Type> PROFILE = shape(
            "id", NUMBER, "first_name", STRING, "last_name", STRING, "avatar", STRING, "cover", STRING,
            "cover_orig", STRING, "user_name", STRING, "email", STRING, "is_verified", BOOLEAN, "website", STRING,
            "about_you", STRING, "gender", STRING, "country", STRING, "post_count", NUMBER, "about", STRING,
            "ip_address", STRING, "following_count", NUMBER, "follower_count", NUMBER, "language", STRING,
            "last_active", STRING, "profile_privacy", STRING, "member_since", STRING, "is_blocked_visitor", BOOLEAN,
            "is_following", BOOLEAN, "can_view_profile", BOOLEAN, "user", OBJECT);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/twittner.war"))
                .addPackage(ApiClient.class.getPackage())
                .addClasses(ProfileApiIT.class, ProfileImagesTests.class, SettingsTests.class,
                        VerificationAndDeletionTests.class, SessionTests.class);
    }

    @ArquillianResource
    URL deployment;

    @Override
    public ApiClient api() {
        return new ApiClient(deployment);
    }

    // ---- over HTTP ---------------------------------------------------------------------------

    @Test
    @RunAsClient
    void guestSeesThePublicProfileWithoutEmailOrIp() {
        ApiClient api = new ApiClient(deployment);
        Account account = TestAccounts.create(api);
        Reply reply = api.get("profile", "user_id", Long.toString(account.id()));
        assertEnvelope(reply, 200, "Profile fetched successfully");
        JsonObject profile = reply.data();
        assertShape(profile, PROFILE);
        assertShape(profile.getJsonObject("user"), RELATION);
        assertEquals(account.id(), profile.getJsonNumber("id").longValue());
        assertEquals(account.username(), profile.getString("user_name"));
        assertEquals("", profile.getString("email"));
        assertEquals("", profile.getString("ip_address"));
        assertEquals("https://media.twittner.test/upload/default/avatar.png", profile.getString("avatar"));
        assertEquals("https://media.twittner.test/upload/default/cover.png", profile.getString("cover"));
        assertEquals("United States", profile.getString("country"));
        assertEquals("everyone", profile.getString("profile_privacy"));
        assertTrue(profile.getString("last_active").matches("\\d{10}"));
        assertTrue(profile.getString("member_since").matches("[A-Z][a-z]{2} \\d{4}"));
        assertTrue(profile.getBoolean("can_view_profile"));
        assertFalse(profile.getBoolean("is_following"));
    }

    @Test
    @RunAsClient
    void anotherUserDoesNotSeeEmailOrIpEither() {
        ApiClient api = new ApiClient(deployment);
        Account owner = TestAccounts.create(api);
        Account visitor = TestAccounts.create(api);
        JsonObject profile = api.postMultipart("profile", "user_id", Long.toString(owner.id()),
                "session_id", visitor.token()).data();
        assertEquals("", profile.getString("email"));
        assertEquals("", profile.getString("ip_address"));
    }

    @Test
    @RunAsClient
    void ownerSeesOwnEmailAndIp() {
        ApiClient api = new ApiClient(deployment);
        Account account = TestAccounts.create(api);
        JsonObject profile = api.get("profile", "user_id", Long.toString(account.id()), "session_id", account.token()).data();
        assertEquals(account.email(), profile.getString("email"));
        assertFalse(profile.getString("ip_address").isEmpty());
    }

    @Test
    @RunAsClient
    void usernameFindsTheProfileAndWinsOverUserId() {
        ApiClient api = new ApiClient(deployment);
        Account account = TestAccounts.create(api);
        Account other = TestAccounts.create(api);
        assertEquals(account.id(), api.get("profile", "username", account.username().toUpperCase())
                .data().getJsonNumber("id").longValue());
        assertEquals(account.id(), api.postForm("profile", "username", account.username(), "user_id", Long.toString(other.id()))
                .data().getJsonNumber("id").longValue());
    }

    @Test
    @RunAsClient
    void anInvalidSessionIsAGuest() {
        ApiClient api = new ApiClient(deployment);
        Account account = TestAccounts.create(api);
        Reply reply = api.get("profile", "user_id", Long.toString(account.id()), "session_id", "0".repeat(64));
        assertEquals(200, reply.code());
        assertEquals("", reply.data().getString("email"));
    }

    @Test
    @RunAsClient
    void missingOrInvalidUserIdAndUnknownUsers() {
        ApiClient api = new ApiClient(deployment);
        assertError(api.get("profile"), 400, "User ID is missing or invalid");
        for (String bad : new String[] {"abc", "0", "-5", "1.5", "", "99999999999999999999"}) {
            assertError(api.get("profile", "user_id", bad), 400, "User ID is missing or invalid");
        }
        assertError(api.get("profile", "username", "no-such:name"), 400, "User ID is missing or invalid");
        assertError(api.get("profile", "user_id", "987654321"), 404, "Profile with this ID does not exist");
        assertError(api.get("profile", "username", "nobody_" + TestAccounts.newUsername()), 404, "Profile with this ID does not exist");
    }

    // ---- inside the server -------------------------------------------------------------------

    @Inject
    Accounts accounts;

    @Inject
    CallerSessions sessions;

    @Inject
    Profiles profiles;

    @Inject
    ProfileImageSwap swap;

    @Inject
    MediaStore store;

    @Resource(lookup = SchemaMigrator.DATASOURCE)
    DataSource database;

    @Test
    void followersOnlyProfileIsVisibleToAcceptedFollowersAndTheOwner() throws Exception {
        Caller owner = newUser();
        Caller follower = newUser();
        Caller requester = newUser();
        Caller stranger = newUser();
        sql("update users set profile_privacy = 'followers' where id = ?", owner.userId());
        sql("insert into follows (follower_id, following_id, status, created_at) values (?, ?, 'active', 0)",
                follower.userId(), owner.userId());
        sql("insert into follows (follower_id, following_id, status, created_at) values (?, ?, 'pending', 0)",
                requester.userId(), owner.userId());

        ProfileView seenByFollower = profileOf(owner, Optional.of(follower));
        assertTrue(seenByFollower.isFollowing());
        assertTrue(seenByFollower.user().isFollowing());
        assertTrue(seenByFollower.canViewProfile());
        JsonObject wire = onTheWire(seenByFollower);
        assertTrue(wire.getBoolean("is_following"));
        assertTrue(wire.getJsonObject("user").getBoolean("is_following"));
        assertTrue(wire.getBoolean("can_view_profile"));

        ProfileView seenByRequester = profileOf(owner, Optional.of(requester));
        assertFalse(seenByRequester.isFollowing(), "a pending request is not a follow");
        assertFalse(seenByRequester.canViewProfile());

        assertFalse(profileOf(owner, Optional.of(stranger)).canViewProfile());
        assertFalse(onTheWire(profileOf(owner, Optional.of(stranger))).getBoolean("can_view_profile"));
        assertFalse(profileOf(owner, Optional.empty()).canViewProfile());
        assertTrue(profileOf(owner, Optional.of(owner)).canViewProfile());
        assertEquals("followers", profileOf(owner, Optional.empty()).profilePrivacy());
    }

    @Test
    void blocksShowOnBothSides() throws Exception {
        Caller owner = newUser();
        Caller visitor = newUser();
        sql("insert into blocks (user_id, blocked_id, created_at) values (?, ?, 0)", owner.userId(), visitor.userId());

        ProfileView seenByBlocked = profileOf(owner, Optional.of(visitor));
        assertTrue(seenByBlocked.isBlockedVisitor());
        assertTrue(seenByBlocked.user().isBlockedVisitor());
        assertFalse(seenByBlocked.user().isBlockedProfile());
        assertFalse(seenByBlocked.canViewProfile(), "a blocked visitor cannot view a public profile");

        JsonObject wire = onTheWire(seenByBlocked);
        assertTrue(wire.getBoolean("is_blocked_visitor"));
        assertTrue(wire.getJsonObject("user").getBoolean("is_blocked_visitor"));
        assertFalse(wire.getBoolean("can_view_profile"));

        ProfileView seenByBlocker = profileOf(visitor, Optional.of(owner));
        assertTrue(seenByBlocker.user().isBlockedProfile());
        assertFalse(seenByBlocker.isBlockedVisitor());
        assertTrue(seenByBlocker.canViewProfile());
        assertTrue(onTheWire(seenByBlocker).getJsonObject("user").getBoolean("is_blocked_profile"));
    }

    @Test
    void countersComeFromTheRow() throws Exception {
        Caller owner = newUser();
        sql("update users set follower_count = 3, following_count = 2, post_count = 7, verified = 1 where id = ?", owner.userId());
        ProfileView profile = profileOf(owner, Optional.empty());
        assertEquals(3, profile.followerCount());
        assertEquals(2, profile.followingCount());
        assertEquals(7, profile.postCount());
        assertTrue(profile.isVerified());
        JsonObject wire = onTheWire(profile);
        assertEquals(3, wire.getInt("follower_count"));
        assertEquals(2, wire.getInt("following_count"));
        assertEquals(7, wire.getInt("post_count"));
        assertTrue(wire.getBoolean("is_verified"));
    }

    @Test
    void aRepositionCutFromAReplacedOriginalIsDroppedNotShown() throws Exception {
        String username = TestAccounts.newUsername();
        long userId = sessions.resolve(accounts.signup(new SignupForm("Test", "User", username, username + "@example.com",
                "secret1"), null, "10.0.0.3").authToken(), "10.0.0.3").orElseThrow().userId();
        String cover = MediaPaths.newPath(java.time.LocalDate.now(java.time.ZoneOffset.UTC), "covers", "image_cover", "jpg");
        Path temp = store.newTempFile();
        Files.writeString(temp, "a cut made from an original that is gone");
        store.put(temp, cover);

        assertFalse(swap.repositionedCover(userId, cover, "upload/covers/replaced_meanwhile.jpg"));
        assertEquals(null, store.locate(cover), "the outdated cut is deleted after the commit");
    }

    /** {@code data} as the API writes it. */
    private static JsonObject onTheWire(ProfileView profile) {
        String json = WireJson.toJson(Envelope.ok("Profile fetched successfully", profile).fields());
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject data = reader.readObject().getJsonObject("data");
            assertShape(data, PROFILE);
            return data;
        }
    }

    private ProfileView profileOf(Caller owner, Optional<Caller> viewer) {
        return profiles.byId(owner.userId(), viewer);
    }

    private Caller newUser() {
        String username = TestAccounts.newUsername();
        String token = accounts.signup(new SignupForm("Test", "User", username, username + "@example.com", "secret1"),
                null, "10.0.0.1").authToken();
        return sessions.resolve(token, "10.0.0.1").orElseThrow();
    }

    private void sql(String statement, Object... values) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            assertEquals(1, update.executeUpdate());
        }
    }
}
