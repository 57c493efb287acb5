package org.twittner.search.boundary;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.Wire;

/**
 * search_posts, search_people and search_hashtags over HTTP, as the apps call them (GET with the
 * query string, session optional): matching whatever the case, accents and script, hashtags and
 * @names, paging, every documented error, and that nobody finds what privacy, blocks, reports,
 * search_visibility or a delete hide from them. Every test searches words of its own, so tests
 * sharing the database never see each other's posts.
 */
public interface SearchTests {

    ApiClient api();

    String INVALID = "The search term is invalid or missing";
    /** search_people items: fetch_followers' keys without offset_id (contract README §2.5). */
    Map<String, Wire.Type> FOUND_USER = shape(
            "id", NUMBER, "about", STRING, "followers", NUMBER, "posts", NUMBER, "avatar", STRING,
            "last_active", STRING, "username", STRING, "fname", STRING, "lname", STRING, "email", STRING,
            "verified", STRING, "follow_privacy", STRING, "name", STRING, "url", STRING, "is_following", BOOLEAN,
            "follow_requested", BOOLEAN, "is_user", BOOLEAN);
    Map<String, Wire.Type> HASHTAG = shape("id", NUMBER, "posts", NUMBER, "tag", STRING, "time", STRING,
            "hashtag", STRING, "url", STRING, "total", STRING);

    @Test
    default void postsAreFoundWhateverTheCaseAccentsAndScript() {
        Account alice = TestAccounts.create(api());
        String w = word();
        // "straße" and "strasse" are two terms here and one key under MariaDB's utf8mb4_unicode_ci: stored once
        long cafe = post(alice, "Le Café " + w + " est OUVERT #Morning" + w + " Straße strasse");
        long tokyo = post(alice, "東京都に行く " + w);
        long russian = post(alice, "Ёлка и Привет " + w);

        Reply guest = api().get("search_posts", "query", "cafe " + w.toUpperCase());
        assertEnvelope(guest, 200, "Results found");
        JsonObject found = guest.json().getJsonArray("data").getJsonObject(0);
        assertEquals(List.of(cafe), ids(guest));
        assertEquals(cafe, found.getJsonNumber("offset_id").longValue());
        assertFalse(found.getBoolean("is_owner"));
        assertShape(found.getJsonObject("owner"), shape("id", NUMBER, "url", STRING, "avatar", STRING,
                "username", STRING, "name", STRING, "verified", STRING));
        assertTrue(found.getString("text").contains("Café"), found.toString());
        assertTrue(api().get("search_posts", "query", "CAFÉ " + w, "session_id", alice.token()).json()
                .getJsonArray("data").getJsonObject(0).getBoolean("is_owner"));

        assertEquals(List.of(cafe), ids(api().get("search_posts", "query", "#morning" + w)), "the tag");
        assertEquals(List.of(cafe), ids(api().get("search_posts", "query", "MORNING" + w)), "a tag's word");
        assertEquals(List.of(tokyo), ids(api().get("search_posts", "query", "京都 " + w)), "inside a run of Han");
        assertEquals(List.of(russian), ids(api().get("search_posts", "query", "елка привет " + w)), "Cyrillic, ё as е");
        assertEquals(List.of(russian, tokyo, cafe), ids(api().get("search_posts", "query", w)), "newest first");
        assertError(api().get("search_posts", "query", "cafe " + w + " closed"), 204, "No data found");
        assertError(api().get("search_posts", "query", "#" + w), 204, "No data found"); // a word, not a tag

        // the '@name' of a mention, and the name alone
        Account bob = TestAccounts.create(api());
        long mention = post(alice, "thanks @" + bob.username() + " " + w);
        assertEquals(List.of(mention), ids(api().get("search_posts", "query", "@" + bob.username().toUpperCase())));
        assertEquals(List.of(mention), ids(api().get("search_posts", "query", bob.username() + " " + w)));
    }

    @Test
    default void postResultsPageByOffsetIdAndRepliesAreNotResults() {
        Account alice = TestAccounts.create(api());
        String w = word();
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(0, post(alice, "page " + i + " " + w));
        }
        assertEquals(200, publish(alice, "post_text", "a reply " + w, "thread_id", Long.toString(posts.get(0))).code());
        List<Long> seen = new ArrayList<>();
        String offset = "0"; // what the apps send for the first page
        for (int page = 0; page < 3; page++) {
            Reply reply = api().get("search_posts", "query", w, "page_size", "2", "offset", offset);
            assertEnvelope(reply, 200, "Results found");
            seen.addAll(ids(reply));
            JsonArray data = reply.json().getJsonArray("data");
            offset = data.getJsonObject(data.size() - 1).getJsonNumber("offset_id").toString();
        }
        assertEquals(posts, seen);
        assertError(api().get("search_posts", "query", w, "page_size", "2", "offset", offset), 204, "No data found");
    }

    @Test
    default void aPostUnderThousandsOfNewerPostsWithOneOfItsWordsEachIsStillFound() {
        // both words are common (2,500 newer posts each, spread over 125,000 post ids) and meet
        // only in the oldest post: the first look (the newest 50,000 ids) finds nothing, the
        // second must go through the leading word's older posts
        Account alice = TestAccounts.create(api());
        String first = word();
        String second = word();
        long both = post(alice, first + " " + second);
        int fillers = 5_000;
        try {
            // k = 1 to 5,000 from four tables of digits: one statement with no parameters (WildFly
            // takes at most 1,000 form fields)
            String digits = "(SELECT 0 AS d" + " UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
            String k = "(1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d)";
            Fixtures.sql(api(), "INSERT INTO posts (id, user_id, thread_id, type, text, created_at) SELECT " + both + " + 25 * " + k
                    + ", " + alice.id() + ", 0, 'text', 'filler', 1 FROM " + digits + " a, " + digits + " b, " + digits + " c, "
                    + digits + " e WHERE " + k + " <= " + fillers);
            Fixtures.sql(api(), "INSERT INTO post_search_terms (term, post_id) SELECT CASE WHEN MOD(id, 50) = ?"
                    + " THEN ? ELSE ? END, id FROM posts WHERE user_id = ? AND text = 'filler'", both % 50, second, first, alice.id());
            assertEquals(2_501, Fixtures.number(api(), "SELECT COUNT(*) FROM post_search_terms WHERE term = ?", first));
            assertEquals(2_501, Fixtures.number(api(), "SELECT COUNT(*) FROM post_search_terms WHERE term = ?", second));
            assertEquals(List.of(both), ids(api().get("search_posts", "query", second + " " + first)));
            assertEquals(List.of(both), ids(search(alice, "search_posts", first + " " + second)));
            assertEquals(20, ids(api().get("search_posts", "query", first)).size(), "one word: the newest look fills the page");
        } finally {
            Fixtures.sql(api(), "DELETE FROM posts WHERE user_id = ? AND text = 'filler'", alice.id());
        }
    }

    @Test
    default void nobodyFindsPostsThatPrivacyBlocksReportsOrDeletesHide() {
        String w = word();
        Account reader = TestAccounts.create(api());
        Account open = TestAccounts.create(api());
        Account closed = TestAccounts.create(api());
        Account hidden = TestAccounts.create(api());
        Account blocker = TestAccounts.create(api());
        Account reported = TestAccounts.create(api());
        privacy(closed, "followers", "Y");
        privacy(hidden, "everyone", "N");
        long openPost = post(open, "open " + w);
        long closedPost = post(closed, "closed " + w);
        long hiddenPost = post(hidden, "hidden " + w);
        long blockerPost = post(blocker, "blocker " + w);
        long reportedPost = post(reported, "reported " + w);
        long readerPost = post(reader, "reader " + w);

        assertEquals(List.of(readerPost, reportedPost, blockerPost, openPost), ids(api().get("search_posts", "query", w)),
                "a guest: neither the followers-only profile nor the one hidden from search");
        assertEquals(List.of(hiddenPost), ids(search(hidden, "search_posts", "hidden " + w)), "the hidden author finds their own");
        assertEquals(List.of(closedPost), ids(search(closed, "search_posts", "closed " + w)));

        assertDone(api().postForm("block_user", "session_id", blocker.token(), "user_id", Long.toString(reader.id())),
                "User profile blocked successfully");
        assertEquals(200, api().postForm("publication_report", "session_id", reader.token(), "post_id",
                Long.toString(reportedPost), "reason", "1").code());
        assertEquals(200, api().postForm("follow", "session_id", reader.token(), "user_id", Long.toString(closed.id())).code());
        assertEquals(List.of(readerPost, closedPost, openPost), ids(search(reader, "search_posts", w)),
                "a follower sees the followers-only post; not the blocker's, not the reported one");
        assertFalse(ids(search(blocker, "search_posts", w)).contains(readerPost), "blocks hide both ways");
        assertTrue(ids(api().get("search_posts", "query", w)).contains(reportedPost), "a report hides it from the reporter only");

        assertEquals(200, api().postForm("delete_post", "session_id", open.token(), "post_id", Long.toString(openPost)).code());
        assertFalse(ids(api().get("search_posts", "query", w)).contains(openPost), "a deleted post is never found");
        assertEquals(0, Fixtures.number(api(), "select count(*) from post_search_terms where post_id = ?", openPost));
    }

    @Test
    default void peopleAreFoundByNamesAndUsernamesMostFollowedFirst() {
        String w = word();
        Account viewer = TestAccounts.create(api());
        Account zoe = named(TestAccounts.create(api()), "Zoë", "Quill" + w);
        Account ann = named(TestAccounts.create(api()), "Ann", "Quill" + w);
        Account max = named(TestAccounts.create(api()), "Max", "Quill" + w);
        assertEquals(200, api().postForm("follow", "session_id", viewer.token(), "user_id", Long.toString(ann.id())).code());

        Reply all = search(viewer, "search_people", "QUILL" + w);
        assertEnvelope(all, 200, "Results found");
        assertEquals(ann.id(), ids(all).get(0), "the most followed first");
        assertEquals(List.of(zoe.id(), ann.id(), max.id()).stream().sorted().toList(), ids(all).stream().sorted().toList());
        for (JsonValue item : all.json().getJsonArray("data")) {
            JsonObject user = item.asJsonObject();
            assertShape(user, FOUND_USER);
            assertEquals("", user.getString("email"), "nobody else's e-mail");
            assertEquals(user.getJsonNumber("id").longValue() == ann.id(), user.getBoolean("is_following"));
            assertFalse(user.getBoolean("is_user"));
        }
        assertEquals(List.of(zoe.id()), ids(api().get("search_people", "query", "zoe quill" + w)), "accents, a guest");
        assertTrue(ids(api().get("search_people", "query", "Zoé Qui")).contains(zoe.id()), "3 characters find what they begin");
        assertError(api().get("search_people", "query", "zo quill" + w), 204, "No data found"); // 2 characters: whole words
        assertEquals(List.of(max.id()), ids(api().get("search_people", "query", "@" + max.username())));
        assertEquals(List.of(max.id()), ids(api().get("search_people", "query", max.username().substring(0, 12))));

        // paged by row count, as the reference: the items have no offset_id
        List<Long> paged = new ArrayList<>(ids(search(viewer, "search_people", "quill" + w, "page_size", "2")));
        paged.addAll(ids(search(viewer, "search_people", "quill" + w, "page_size", "2", "offset", "2")));
        assertEquals(ids(all), paged);
        assertError(search(viewer, "search_people", "quill" + w, "page_size", "2", "offset", "3"), 204, "No data found");

        // a new name is found at once, the old one no longer
        String newName = TestAccounts.newUsername();
        Map<String, String> fields = settings(zoe, "Zoë", "Quill" + w);
        fields.put("username", newName);
        assertEquals(200, api().postForm("gen_settings", params(zoe, fields)).code());
        assertEquals(List.of(zoe.id()), ids(api().get("search_people", "query", newName)));
        assertError(api().get("search_people", "query", zoe.username()), 204, "No data found");

        // never the viewer, anyone in a block with them, or anyone hidden from search
        assertFalse(ids(search(ann, "search_people", "quill" + w)).contains(ann.id()));
        assertDone(api().postForm("block_user", "session_id", max.token(), "user_id", Long.toString(viewer.id())),
                "User profile blocked successfully");
        privacy(zoe, "everyone", "N");
        assertEquals(List.of(ann.id()), ids(search(viewer, "search_people", "quill" + w)));
        assertEquals(List.of(ann.id(), max.id()).stream().sorted().toList(),
                ids(api().get("search_people", "query", "quill" + w)).stream().sorted().toList());
        assertError(search(max, "search_people", viewer.username()), 204, "No data found");
        assertEquals(List.of(viewer.id()), ids(api().get("search_people", "query", viewer.username())));
    }

    @Test
    default void peopleRankFollowsFollowerCountsAsFollowsBlocksAndDeletionsChangeThem() {
        String w = word();
        Account a = named(TestAccounts.create(api()), "Rank", "Ranked" + w);
        Account b = named(TestAccounts.create(api()), "Rank", "Ranked" + w);
        Account f1 = TestAccounts.create(api());
        Account f2 = TestAccounts.create(api());
        Account f3 = TestAccounts.create(api());
        Account f4 = TestAccounts.create(api());
        assertEquals(List.of(b.id(), a.id()), ranked(w), "equals: the newest account first");
        follow(f1, a);
        assertEquals(List.of(a.id(), b.id()), ranked(w), "a 1, b 0");
        follow(f2, b);
        follow(f3, b);
        assertEquals(List.of(b.id(), a.id()), ranked(w), "a 1, b 2");
        assertDone(api().postForm("block_user", "session_id", b.token(), "user_id", Long.toString(f2.id())),
                "User profile blocked successfully");
        follow(f4, a);
        assertEquals(List.of(a.id(), b.id()), ranked(w), "a 2, b 1: the block ended f2's follow");
        assertEquals(200, api().postForm("delete_account", "session_id", f1.token(), "password", TestAccounts.PASSWORD).code());
        assertEquals(List.of(b.id(), a.id()), ranked(w), "a 1, b 1: f1's account is gone");
        follow(f4, a); // unfollows
        assertEquals(List.of(b.id(), a.id()), ranked(w), "a 0, b 1");

        // hidden from search: no terms; shown again: found again, with its count
        privacy(b, "everyone", "N");
        assertEquals(List.of(a.id()), ranked(w));
        assertEquals(0, Fixtures.number(api(), "select count(*) from user_search_terms where user_id = ?", b.id()));
        privacy(b, "everyone", "Y");
        assertEquals(List.of(b.id(), a.id()), ranked(w));
    }

    @Test
    default void hashtagsAreFoundByTheirBeginningMostUsedFirst() {
        Account alice = TestAccounts.create(api());
        String w = word();
        post(alice, "#Cafe" + w + "one day");
        post(alice, "again #CAFE" + w + "ONE");
        long other = post(alice, "#café" + w + "two");

        Reply reply = api().get("search_hashtags", "query", "#café" + w);
        assertEnvelope(reply, 200, "Results found");
        JsonArray data = reply.json().getJsonArray("data");
        assertEquals(2, data.size(), reply.toString());
        JsonObject top = data.getJsonObject(0);
        assertShape(top, HASHTAG);
        assertEquals("Cafe" + w + "one", top.getString("tag"), "as first written");
        assertEquals("#Cafe" + w + "one", top.getString("hashtag"));
        assertEquals(2, top.getInt("posts"));
        assertEquals("2", top.getString("total"));
        assertTrue(top.getString("url").endsWith("/search/posts?q=Cafe" + w + "one"), top.toString());
        assertEquals("café" + w + "two", data.getJsonObject(1).getString("tag"));
        assertEquals(1, api().get("search_hashtags", "query", "cafe" + w, "page_size", "1", "offset", "1").json()
                .getJsonArray("data").size());

        // a tag no post carries any more is not offered
        assertEquals(200, api().postForm("delete_post", "session_id", alice.token(), "post_id", Long.toString(other)).code());
        assertEquals(1, api().get("search_hashtags", "query", "CAFE" + w).json().getJsonArray("data").size());
        assertError(api().get("search_hashtags", "query", "cafe" + w + "two"), 204, "No data found");
    }

    @Test
    default void aSearchTermIsOneTo32Characters() {
        for (String endpoint : List.of("search_posts", "search_people", "search_hashtags")) {
            assertError(api().get(endpoint), 400, INVALID);
            for (String bad : List.of("", "   ", "x".repeat(33), "é".repeat(33))) {
                assertError(api().get(endpoint, "query", bad), 400, INVALID);
                assertError(api().postForm(endpoint, "query", bad), 400, INVALID);
            }
            assertError(api().postForm(endpoint, "query", "x".repeat(100_000)), 400, INVALID);
            assertError(api().get(endpoint, "query", "\uD83D\uDE00".repeat(32)), 204, "No data found");
            assertError(api().get(endpoint, "query", "!!!"), 204, "No data found");
            assertError(api().get(endpoint, "query", "%_" + word(), "offset", "abc", "page_size", "-5"), 204, "No data found");
        }
        assertError(api().get("search_people", "query", "u", "offset", "1000000"), 204, "No data found");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A word no other test writes: letters only (names refuse nothing, but a word must stay one word). */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private long post(Account author, String text) {
        Reply reply = publish(author, "post_text", text);
        assertEquals(200, reply.code(), reply.toString());
        return reply.data().getJsonNumber("id").longValue();
    }

    private Reply publish(Account author, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "session_id";
        all[1] = author.token();
        System.arraycopy(fields, 0, all, 2, fields.length);
        return api().postForm("publish_post", all);
    }

    private Reply search(Account viewer, String endpoint, String query, String... more) {
        String[] all = new String[more.length + 4];
        all[0] = "session_id";
        all[1] = viewer.token();
        all[2] = "query";
        all[3] = query;
        System.arraycopy(more, 0, all, 4, more.length);
        return api().get(endpoint, all);
    }

    private List<Long> ranked(String w) {
        return ids(api().get("search_people", "query", "ranked" + w));
    }

    private void follow(Account follower, Account followed) {
        assertEquals(200, api().postForm("follow", "session_id", follower.token(), "user_id",
                Long.toString(followed.id())).code());
    }

    private void privacy(Account user, String profile, String search) {
        assertEquals(200, api().postForm("set_priv_settings", "session_id", user.token(), "profile_visibility", profile,
                "contact_privacy", "everyone", "follow_privacy", "everyone", "search_visibility", search).code());
    }

    private Account named(Account user, String first, String last) {
        Reply reply = api().postForm("gen_settings", params(user, settings(user, first, last)));
        assertEquals(200, reply.code(), reply.toString());
        return user;
    }

    private static Map<String, String> settings(Account user, String first, String last) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("first_name", first);
        fields.put("last_name", last);
        fields.put("about", "");
        fields.put("gender", "M");
        fields.put("email", user.email());
        fields.put("username", user.username());
        fields.put("website", "");
        fields.put("country_id", "1");
        return fields;
    }

    private static String[] params(Account user, Map<String, String> fields) {
        List<String> all = new ArrayList<>(List.of("session_id", user.token()));
        fields.forEach((name, value) -> {
            all.add(name);
            all.add(value);
        });
        return all.toArray(String[]::new);
    }

}
