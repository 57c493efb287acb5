package org.twittner.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.twittner.platform.SearchText;

/**
 * Loads a synthetic community into an empty MySQL/MariaDB database that already has the
 * project's schema (Flyway V1..V4), for the feed benchmark (bench/feed.sh). A single-file
 * program: {@code java -cp mysql-connector-j.jar bench/src/org/twittner/bench/Community.java}.
 *
 * <p>What it makes, for N users (ids 1..N; user 1 is {@code heavy}, user 2 {@code typical},
 * user 3 {@code star}, the others {@code u<id>}; password {@code secret1}):
 * <ul>
 * <li>follows: out-degrees mostly 10-100 (log-uniform), 2.7 % 100-1000, 0.3 % 1000-5000;
 *     {@code heavy} follows exactly 5000, {@code typical} exactly 50. Followees are drawn with a
 *     Zipf preference (weight 1/(rank+10)) over a seeded random popularity ranking, so a few
 *     accounts have tens of thousands of followers (at 100k users). {@code star} has exactly
 *     {@value #STAR_FOLLOWERS} followers (N/2 when smaller): users 1, 2, 4, 5... follow it, and
 *     nobody else does. All active.</li>
 * <li>posts: 10 per user on average (exactly 10 N), per user log-normal (sigma 1.5), at most
 *     2000; ids and created_at increase together over the last year. About a tenth are replies
 *     (thread_id = an earlier post: 40 % of the time the parent of one of the last 1000 replies,
 *     so that busy threads get busier, otherwise a recent post; a parent may itself be a reply),
 *     with exact replys_count. About a tenth of top-level posts are image posts with one post_media row;
 *     the rest are text. About a fifth of posts with text carry 1-3 hashtags from a 5000-tag
 *     vocabulary (Zipf); hashtags.posts and last_used_at agree with post_hashtags.</li>
 * <li>timeline: one 'post' entry per top-level post, in post order; none for replies. After
 *     about one post in {@value #REPOST_EVERY}, a repost entry by a random user of one of the
 *     last {@value #RECENT_POSTS} top-level posts (with its post_reposts row; posts.reposts_count
 *     agrees).</li>
 * <li>counters: users.post_count (top-level posts), follower_count and following_count equal
 *     the rows.</li>
 * <li>sessions (mobile_android, valid for a year) for heavy, typical and K random users; the
 *     plain tokens go to {@code <out>/tokens.txt}: {@code <userId> <token> <username>} per line,
 *     heavy first, typical second.</li>
 * <li>samples for the load script: {@code <out>/threads.txt} (200 top-level posts that have
 *     replies) and {@code <out>/post-users.txt} (200 users with posts).</li>
 * </ul>
 * Not made: likes, bookmarks, mentions, polls, blocks, pinned posts, avatars.
 *
 * <p>Deterministic for a seed, except the timestamps, which are anchored at {@code --now}
 * (default: the current time). Options: {@code --users N} (100000) {@code --seed S} (1)
 * {@code --url JDBC} {@code --user U} {@code --password P} {@code --out DIR} (bench/out/feed)
 * {@code --sessions K} (1000) {@code --now UNIX_SECONDS}; and instead of loading:
 * {@code --threads-sample} (only write the samples, from the database) or
 * {@code --sessions-only} (replace every session and rewrite tokens.txt).
 */
public final class Community {

    static final String PASSWORD_HASH = "$2a$10$En.S6b56ZtRD6iSHuzhtju.BtCNI7m6rOvQttfos14f0X3af/pDey"; // "secret1"
    static final int HEAVY = 1;
    static final int TYPICAL = 2;
    static final int HEAVY_FOLLOWS = 5000;
    static final int TYPICAL_FOLLOWS = 50;
    static final int STAR = 3;
    static final int STAR_FOLLOWERS = 50_000;
    static final int MAX_POSTS_PER_USER = 2000;
    static final int POSTS_PER_USER = 10;
    static final int TAGS = 5000;
    static final int SAMPLE = 200;
    static final int BATCH = 10_000;
    static final int REPOST_EVERY = 20;
    static final int RECENT_POSTS = 1000;
    static final long DAY = 86_400;
    static final long YEAR = 365 * DAY;

    static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Iris",
        "Jonas", "Kara", "Leo", "Maya", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tara", "Ugo", "Vera",
        "Will", "Xenia", "Yusuf", "Zoe", "Amir", "Bea", "Carlos", "Dana", "Elif", "Farid"};
    static final String[] LAST = {"Smith", "Garcia", "Müller", "Rossi", "Dubois", "Novak", "Kim", "Silva",
        "Jensen", "Kowalski", "Yilmaz", "Costa", "Schmidt", "Moreau", "Tanaka", "Ivanova", "Nagy", "Popescu",
        "Horvat", "Berg", "Lopez", "Martin", "Weber", "Ferrari", "Virtanen", "Olsen", "Ahmed", "Chen"};
    static final String[] WORDS = ("the a of to and in on for with at from today new just my our this that "
        + "coffee morning rain sun city music book film game code java train weekend friends family work "
        + "idea project release bug fix launch team night dinner walk park beach photo travel news story "
        + "question answer thanks great amazing finally again still really never always maybe soon later "
        + "love hate think know see look feel want need try").split(" ");

    // options
    int users = 100_000;
    long seed = 1;
    String url = "jdbc:mysql://127.0.0.1:3306/twittner_bench";
    String dbUser = "root";
    String dbPassword = "";
    Path out = Path.of("bench/out/feed");
    int sessionCount = 1000;
    long now = System.currentTimeMillis() / 1000;

    // the generated community
    long[] joinedAt;
    int[] followOffsets; // followees of user u: followees[followOffsets[u - 1] .. followOffsets[u])
    int[] followees;
    int[] followerCount;
    int[] postCount; // top-level posts
    int postTotal;
    int[] postAuthor; // post id p: index p - 1
    int[] postParent; // 0 for a top-level post
    boolean[] postImage;
    int[] replyCount;
    boolean[] postHasText; // false for an image post without a caption
    int[] postTagOffsets; // tags of post p: postTags[postTagOffsets[p - 1] .. postTagOffsets[p]] (0-based tag)
    int[] postTags;
    int[] tagId; // database id per vocabulary tag, 0 = unused
    int[] tagPosts;
    long[] tagLastUsed;
    long yearAgo;

    public static void main(String[] args) throws Exception {
        Community c = new Community();
        String mode = "load";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--users" -> c.users = Integer.parseInt(args[++i]);
                case "--seed" -> c.seed = Long.parseLong(args[++i]);
                case "--url" -> c.url = args[++i];
                case "--user" -> c.dbUser = args[++i];
                case "--password" -> c.dbPassword = args[++i];
                case "--out" -> c.out = Path.of(args[++i]);
                case "--sessions" -> c.sessionCount = Integer.parseInt(args[++i]);
                case "--now" -> c.now = Long.parseLong(args[++i]);
                case "--threads-sample" -> mode = "sample";
                case "--sessions-only" -> mode = "sessions";
                case "--dry-run" -> mode = "dry";
                default -> {
                    System.err.println("unknown option " + a + "; see the class comment");
                    System.exit(2);
                }
            }
        }
        if (c.users < 1000) {
            System.err.println("--users must be at least 1000");
            System.exit(2);
        }
        if (mode.equals("dry")) {
            c.generate();
            c.printShape();
            return;
        }
        Files.createDirectories(c.out);
        try (Connection db = c.connect()) {
            switch (mode) {
                case "sample" -> c.writeSamples(db);
                case "sessions" -> {
                    try (Statement s = db.createStatement()) {
                        s.executeUpdate("DELETE FROM sessions");
                    }
                    db.commit();
                    c.loadSessions(db, c.countUsers(db));
                }
                default -> c.load(db);
            }
        }
    }

    Connection connect() throws SQLException {
        String params = "rewriteBatchedStatements=true&useServerPrepStmts=false&useSSL=false"
                + "&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
        Connection db = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + params, dbUser, dbPassword);
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("SET SESSION unique_checks = 0");
        }
        return db;
    }

    int countUsers(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM users")) {
            r.next();
            return r.getInt(1);
        }
    }

    void load(Connection db) throws Exception {
        for (String table : new String[] {"users", "sessions", "follows", "posts", "timeline", "post_reposts", "post_media",
            "hashtags", "post_hashtags"}) {
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                r.next();
                if (r.getBoolean(1)) {
                    System.err.println("table " + table + " is not empty: load only into an empty database");
                    System.exit(3);
                }
            }
        }
        System.out.printf(Locale.ROOT, "community: %d users, seed %d, into %s%n", users, seed, url);
        long t0 = System.nanoTime();
        generate();
        System.out.printf(Locale.ROOT, "generated in memory in %.1f s: %d follows, %d posts%n", secondsSince(t0),
                followees.length, postTotal);
        long total = System.nanoTime();
        timed("users", users, () -> loadUsers(db));
        timed("follows", followees.length, () -> loadFollows(db));
        timed("posts", postTotal, () -> loadPosts(db));
        timed("timeline", Arrays.stream(postCount).sum(), () -> loadTimeline(db));
        timed("post_media", countImages(), () -> loadMedia(db));
        timed("hashtags + post_hashtags", postTags.length, () -> loadHashtags(db));
        timed("sessions", sessionCount + 2, () -> loadSessions(db, users));
        System.out.printf(Locale.ROOT, "loaded in %.1f s%n", secondsSince(total));
        writeSamples(db);
    }

    // ---------------------------------------------------------------- generation

    void generate() {
        yearAgo = now - YEAR;
        joinedAt = new long[users + 1];
        for (int u = 1; u <= users; u++) {
            joinedAt[u] = now - 2 * YEAR + (long) ((double) (u - 1) * YEAR / users); // before the posts
        }
        generateFollows(new SplittableRandom(seed * 1_000_003 + 1));
        generatePosts(new SplittableRandom(seed * 1_000_003 + 2));
    }

    void generateFollows(SplittableRandom rnd) {
        // a random popularity ranking, and the Zipf-like preference over ranks
        int[] byRank = new int[users];
        for (int i = 0; i < users; i++) {
            byRank[i] = i + 1;
        }
        shuffle(byRank, rnd);
        double[] cdf = new double[users];
        double sum = 0;
        for (int r = 0; r < users; r++) {
            sum += 1.0 / (r + 11);
            cdf[r] = sum;
        }
        int[] degree = new int[users + 1];
        long edges = 0;
        for (int u = 1; u <= users; u++) {
            int d;
            if (u == HEAVY) {
                d = HEAVY_FOLLOWS;
            } else if (u == TYPICAL) {
                d = TYPICAL_FOLLOWS;
            } else {
                double x = rnd.nextDouble();
                d = x < 0.97 ? logUniform(rnd, 10, 100) : x < 0.997 ? logUniform(rnd, 100, 1000) : logUniform(rnd, 1000, 5000);
            }
            degree[u] = Math.min(d, users / 2);
            edges += degree[u];
        }
        followOffsets = new int[users + 1];
        followees = new int[Math.toIntExact(edges)];
        followerCount = new int[users + 1];
        int[] seen = new int[users + 1]; // seen[v] == u: u already follows v
        int starFollowers = Math.min(STAR_FOLLOWERS, users / 2);
        int at = 0;
        for (int u = 1; u <= users; u++) {
            int start = at;
            if (u != STAR && starFollowers > 0) { // star's followers: the first users, one edge of their degree
                starFollowers--;
                seen[STAR] = u;
                followees[at++] = STAR;
                followerCount[STAR]++;
            }
            while (at - start < degree[u]) {
                double x = rnd.nextDouble() * sum;
                int r = Arrays.binarySearch(cdf, x);
                int v = byRank[r < 0 ? Math.min(-r - 1, users - 1) : r];
                if (v != u && v != STAR && seen[v] != u) {
                    seen[v] = u;
                    followees[at++] = v;
                    followerCount[v]++;
                }
            }
            Arrays.sort(followees, start, at);
            followOffsets[u] = at;
        }
    }

    void generatePosts(SplittableRandom rnd) {
        postTotal = POSTS_PER_USER * users;
        // posts per user: log-normal weights, rounded to exactly postTotal, capped
        double[] weight = new double[users + 1];
        double wsum = 0;
        for (int u = 1; u <= users; u++) {
            weight[u] = Math.exp(1.5 * gaussian(rnd));
            wsum += weight[u];
        }
        int[] perUser = new int[users + 1];
        int assigned = 0;
        for (int u = 1; u <= users; u++) {
            perUser[u] = Math.min(MAX_POSTS_PER_USER, (int) (postTotal * weight[u] / wsum));
            assigned += perUser[u];
        }
        while (assigned < postTotal) {
            int u = 1 + rnd.nextInt(users);
            if (perUser[u] < MAX_POSTS_PER_USER) {
                perUser[u]++;
                assigned++;
            }
        }
        // the authors in id (= time) order
        postAuthor = new int[postTotal];
        int at = 0;
        for (int u = 1; u <= users; u++) {
            for (int k = 0; k < perUser[u]; k++) {
                postAuthor[at++] = u;
            }
        }
        shuffle(postAuthor, rnd);
        postParent = new int[postTotal];
        postImage = new boolean[postTotal];
        postHasText = new boolean[postTotal];
        replyCount = new int[postTotal + 1];
        postCount = new int[users + 1];
        int[] recentReplies = new int[1000]; // ring of the latest replies' parents
        int replies = 0;
        double[] tagCdf = new double[TAGS];
        double tsum = 0;
        for (int t = 0; t < TAGS; t++) {
            tsum += 1.0 / (t + 1);
            tagCdf[t] = tsum;
        }
        postTagOffsets = new int[postTotal + 1];
        int[] tags = new int[postTotal / 2];
        int tagAt = 0;
        tagPosts = new int[TAGS];
        tagLastUsed = new long[TAGS];
        for (int i = 0; i < postTotal; i++) {
            int id = i + 1;
            if (i > 0 && rnd.nextDouble() < 0.1) {
                int parent;
                if (replies > 0 && rnd.nextDouble() < 0.4) {
                    parent = recentReplies[rnd.nextInt(Math.min(replies, recentReplies.length))];
                } else {
                    int back = 1 + (int) (-Math.log(1 - rnd.nextDouble()) * 2000);
                    parent = Math.max(1, id - back);
                }
                postParent[i] = parent;
                replyCount[parent]++;
                recentReplies[replies++ % recentReplies.length] = parent;
            } else {
                postCount[postAuthor[i]]++;
                postImage[i] = rnd.nextDouble() < 0.1;
            }
            boolean hasText = !postImage[i] || rnd.nextBoolean();
            postHasText[i] = hasText;
            if (hasText && rnd.nextDouble() < 0.2) {
                int n = 1 + rnd.nextInt(3);
                int first = tagAt;
                for (int k = 0; k < n; k++) {
                    int t = Arrays.binarySearch(tagCdf, rnd.nextDouble() * tsum);
                    t = t < 0 ? Math.min(-t - 1, TAGS - 1) : t;
                    boolean dup = false;
                    for (int j = first; j < tagAt; j++) {
                        dup |= tags[j] == t;
                    }
                    if (!dup) {
                        if (tagAt == tags.length) {
                            tags = Arrays.copyOf(tags, tags.length * 2);
                        }
                        tags[tagAt++] = t;
                        tagPosts[t]++;
                        tagLastUsed[t] = createdAt(id);
                    }
                }
            }
            postTagOffsets[id] = tagAt;
        }
        postTags = Arrays.copyOf(tags, tagAt);
    }

    /** The shape of the generated community (--dry-run: generates, loads nothing). */
    void printShape() {
        int[] following = new int[users];
        int[] followers = Arrays.copyOfRange(followerCount, 1, users + 1);
        int[] all = new int[users];
        for (int u = 1; u <= users; u++) {
            following[u - 1] = followOffsets[u] - followOffsets[u - 1];
        }
        for (int a : postAuthor) {
            all[a - 1]++;
        }
        int[] replies = Arrays.copyOfRange(replyCount, 1, postTotal + 1);
        int replyTotal = 0;
        int withReplies = 0;
        for (int p = 0; p < postTotal; p++) {
            replyTotal += postParent[p] == 0 ? 0 : 1;
            withReplies += replies[p] > 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%d users, %d follows, %d posts (%d replies, %d image posts), %d post tags,"
                + " %d posts with replies%n", users, followees.length, postTotal, replyTotal, countImages(),
                postTags.length, withReplies);
        System.out.println("percentiles           p50    p90    p99  p99.9    max");
        for (Object[] row : new Object[][] {{"following", following}, {"followers", followers},
            {"posts (with replies)", all}, {"replies per post", replies}}) {
            int[] v = (int[]) row[1];
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-20s %6d %6d %6d %6d %6d%n", row[0], v[v.length / 2],
                    v[(int) (v.length * 0.9)], v[(int) (v.length * 0.99)], v[(int) (v.length * 0.999)], v[v.length - 1]);
        }
    }

    long createdAt(int postId) {
        return yearAgo + (long) ((double) (postId - 1) * (YEAR - 3600) / postTotal);
    }

    int countImages() {
        int n = 0;
        for (boolean b : postImage) {
            n += b ? 1 : 0;
        }
        return n;
    }

    // ---------------------------------------------------------------- loading

    void loadUsers(Connection db) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 3);
        try (Batch b = new Batch(db, "INSERT INTO users (id, username, username_key, email, email_key, password_hash,"
                + " first_name, last_name, post_count, follower_count, following_count, joined_at, last_active_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                Batch terms = new Batch(db, "INSERT INTO user_search_terms (term, user_id, followers) VALUES (?, ?, ?)")) {
            for (int u = 1; u <= users; u++) {
                String name = username(u);
                String first = FIRST[rnd.nextInt(FIRST.length)];
                String last = LAST[rnd.nextInt(LAST.length)];
                String email = name + "@example.com";
                PreparedStatement p = b.ps;
                p.setLong(1, u);
                p.setString(2, name);
                p.setString(3, name.toLowerCase(Locale.ROOT));
                p.setString(4, email);
                p.setString(5, email.toLowerCase(Locale.ROOT));
                p.setString(6, PASSWORD_HASH);
                p.setString(7, first);
                p.setString(8, last);
                p.setInt(9, postCount[u]);
                p.setInt(10, followerCount[u]);
                p.setInt(11, followOffsets[u] - followOffsets[u - 1]);
                p.setLong(12, joinedAt[u]);
                p.setLong(13, now - rnd.nextLong(30 * DAY));
                b.add();
                // the server's own terms (platform.SearchText, from target/classes), as sign-up writes them
                for (String term : SearchText.nameKeys(name, first, last)) {
                    terms.ps.setString(1, term);
                    terms.ps.setLong(2, u);
                    terms.ps.setInt(3, followerCount[u]);
                    terms.add();
                }
            }
        }
    }

    void loadFollows(Connection db) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 4);
        try (Batch b = new Batch(db,
                "INSERT INTO follows (id, follower_id, following_id, status, created_at) VALUES (?, ?, ?, 'active', ?)")) {
            long id = 0;
            for (int u = 1; u <= users; u++) {
                for (int k = followOffsets[u - 1]; k < followOffsets[u]; k++) {
                    int v = followees[k];
                    long from = Math.max(joinedAt[u], joinedAt[v]);
                    b.ps.setLong(1, ++id);
                    b.ps.setLong(2, u);
                    b.ps.setLong(3, v);
                    b.ps.setLong(4, from + rnd.nextLong(now - from));
                    b.add();
                }
            }
        }
    }

    void loadPosts(Connection db) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 5);
        StringBuilder text = new StringBuilder(400);
        try (Batch b = new Batch(db, "INSERT INTO posts (id, user_id, thread_id, type, text, replys_count, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                Batch terms = new Batch(db, "INSERT INTO post_search_terms (term, post_id) VALUES (?, ?)")) {
            for (int id = 1; id <= postTotal; id++) {
                text.setLength(0);
                if (postHasText[id - 1]) {
                    int words = 4 + rnd.nextInt(24);
                    for (int w = 0; w < words; w++) {
                        if (w > 0) {
                            text.append(' ');
                        }
                        text.append(WORDS[rnd.nextInt(WORDS.length)]);
                    }
                    for (int k = postTagOffsets[id - 1]; k < postTagOffsets[id]; k++) {
                        text.append(" #").append(tagText(postTags[k]));
                    }
                }
                b.ps.setLong(1, id);
                b.ps.setLong(2, postAuthor[id - 1]);
                b.ps.setLong(3, postParent[id - 1]);
                b.ps.setString(4, postImage[id - 1] ? "image" : "text");
                b.ps.setString(5, text.toString());
                b.ps.setInt(6, replyCount[id]);
                b.ps.setLong(7, createdAt(id));
                b.add();
                if (postParent[id - 1] == 0) { // top-level posts are searched, as publish_post indexes them
                    for (String term : SearchText.terms(text.toString())) {
                        terms.ps.setString(1, term);
                        terms.ps.setLong(2, id);
                        terms.add();
                    }
                }
            }
        }
    }

    void loadTimeline(Connection db) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 9);
        int[] recent = new int[RECENT_POSTS];
        int seen = 0;
        java.util.Set<Long> reposted = new java.util.HashSet<>();
        try (Batch b = new Batch(db, "INSERT INTO timeline (id, user_id, post_id, kind, has_media, author_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                Batch r = new Batch(db, "INSERT INTO post_reposts (user_id, post_id, created_at) VALUES (?, ?, ?)")) {
            long id = 0;
            for (int p = 1; p <= postTotal; p++) {
                if (postParent[p - 1] == 0) {
                    entry(b, ++id, postAuthor[p - 1], p, "post", postImage[p - 1] ? 1 : 0, postAuthor[p - 1], createdAt(p));
                    recent[seen++ % RECENT_POSTS] = p;
                    // one entry in REPOST_EVERY is a repost, by anyone, of a recent post
                    if (rnd.nextInt(REPOST_EVERY) == 0) {
                        int original = recent[rnd.nextInt(Math.min(seen, RECENT_POSTS))];
                        long reposter = 1 + rnd.nextInt(users);
                        if (reposted.add(reposter * (postTotal + 1L) + original)) {
                            entry(b, ++id, reposter, original, "repost", 0, postAuthor[original - 1], createdAt(p));
                            r.ps.setLong(1, reposter);
                            r.ps.setLong(2, original);
                            r.ps.setLong(3, createdAt(p));
                            r.add();
                        }
                    }
                }
            }
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE posts p JOIN (SELECT post_id, COUNT(*) AS n FROM post_reposts GROUP BY post_id) r"
                    + " ON r.post_id = p.id SET p.reposts_count = r.n");
            db.commit();
        }
    }

    private static void entry(Batch b, long id, long userId, long postId, String kind, int hasMedia, long authorId,
            long createdAt) throws SQLException {
        b.ps.setLong(1, id);
        b.ps.setLong(2, userId);
        b.ps.setLong(3, postId);
        b.ps.setString(4, kind);
        b.ps.setInt(5, hasMedia);
        b.ps.setLong(6, authorId);
        b.ps.setLong(7, createdAt);
        b.add();
    }

    void loadMedia(Connection db) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 6);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ123456789";
        try (Batch b = new Batch(db, "INSERT INTO post_media (id, user_id, post_id, type, src, thumb, created_at)"
                + " VALUES (?, ?, ?, 'image', ?, ?, ?)")) {
            long id = 0;
            StringBuilder key = new StringBuilder(80);
            for (int p = 1; p <= postTotal; p++) {
                if (postImage[p - 1]) {
                    // the server's layout: upload/images/YYYY/MM/<key>_<DD>_<hex>_<kind>.jpg
                    ZonedDateTime day = Instant.ofEpochSecond(createdAt(p)).atZone(ZoneOffset.UTC);
                    key.setLength(0);
                    key.append(String.format(Locale.ROOT, "upload/images/%04d/%02d/", day.getYear(), day.getMonthValue()));
                    for (int i = 0; i < 20; i++) {
                        key.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                    key.append(String.format(Locale.ROOT, "_%02d_%016x%016x_image_", day.getDayOfMonth(),
                            rnd.nextLong(), rnd.nextLong()));
                    b.ps.setLong(1, ++id);
                    b.ps.setLong(2, postAuthor[p - 1]);
                    b.ps.setLong(3, p);
                    b.ps.setString(4, key + "original.jpg");
                    b.ps.setString(5, key + "thumbnail_300x300.jpg");
                    b.ps.setLong(6, createdAt(p));
                    b.add();
                }
            }
        }
    }

    void loadHashtags(Connection db) throws SQLException {
        // ids in order of first use
        tagId = new int[TAGS];
        int next = 0;
        for (int t : postTags) {
            if (tagId[t] == 0) {
                tagId[t] = ++next;
            }
        }
        int[] byId = new int[next + 1];
        for (int t = 0; t < TAGS; t++) {
            if (tagId[t] != 0) {
                byId[tagId[t]] = t;
            }
        }
        try (Batch b = new Batch(db, "INSERT INTO hashtags (id, tag, tag_key, posts, last_used_at, search_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= next; id++) {
                int t = byId[id];
                b.ps.setLong(1, id);
                b.ps.setString(2, tagText(t));
                b.ps.setString(3, tagText(t).toLowerCase(Locale.ROOT));
                b.ps.setInt(4, tagPosts[t]);
                b.ps.setLong(5, tagLastUsed[t]);
                b.ps.setString(6, SearchText.fold(tagText(t), 100));
                b.add();
            }
        }
        try (Batch b = new Batch(db, "INSERT INTO post_hashtags (post_id, hashtag_id) VALUES (?, ?)")) {
            for (int p = 1; p <= postTotal; p++) {
                for (int k = postTagOffsets[p - 1]; k < postTagOffsets[p]; k++) {
                    b.ps.setLong(1, p);
                    b.ps.setLong(2, tagId[postTags[k]]);
                    b.add();
                }
            }
        }
    }

    /** Sessions for heavy, typical and sessionCount random others; tokens.txt with the plain tokens. */
    void loadSessions(Connection db, int userCount) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 7);
        List<Integer> who = new ArrayList<>();
        who.add(HEAVY);
        who.add(TYPICAL);
        int[] others = new int[userCount - 2];
        for (int i = 0; i < others.length; i++) {
            others[i] = i + 3;
        }
        shuffle(others, rnd);
        for (int i = 0; i < Math.min(sessionCount, others.length); i++) {
            who.add(others[i]);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Path file = out.resolve("tokens.txt");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                Batch b = new Batch(db, "INSERT INTO sessions (user_id, token_hash, refresh_hash, platform, created_at,"
                        + " expires_at, refresh_expires_at) VALUES (?, ?, ?, 'mobile_android', ?, ?, ?)")) {
            for (int u : who) {
                String token = token(rnd);
                String refresh = token(rnd);
                b.ps.setLong(1, u);
                b.ps.setString(2, HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8))));
                b.ps.setString(3, HexFormat.of().formatHex(sha.digest(refresh.getBytes(StandardCharsets.UTF_8))));
                b.ps.setLong(4, now);
                b.ps.setLong(5, now + YEAR);
                b.ps.setLong(6, now + YEAR);
                b.add();
                w.println(u + " " + token + " " + username(u));
            }
        }
        System.out.println("tokens: " + file + " (" + who.size() + " sessions)");
    }

    /** 200 top-level posts with replies and 200 users with posts, picked from the database. */
    void writeSamples(Connection db) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003 + 8);
        writeSample(db, rnd, "SELECT id FROM posts WHERE thread_id = 0 AND replys_count > 0 ORDER BY id",
                out.resolve("threads.txt"));
        writeSample(db, rnd, "SELECT id FROM users WHERE post_count > 0 ORDER BY id", out.resolve("post-users.txt"));
        db.commit();
    }

    void writeSample(Connection db, SplittableRandom rnd, String sql, Path file) throws SQLException, IOException {
        long[] ids = new long[1024];
        int n = 0;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = r.getLong(1);
            }
        }
        int k = Math.min(SAMPLE, n);
        for (int i = 0; i < k; i++) { // partial Fisher-Yates
            int j = i + rnd.nextInt(n - i);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int i = 0; i < k; i++) {
                w.println(ids[i]);
            }
        }
        System.out.println("sample: " + file + " (" + k + " of " + n + ")");
    }

    // ---------------------------------------------------------------- helpers

    static String username(int u) {
        return u == HEAVY ? "heavy" : u == TYPICAL ? "typical" : u == STAR ? "star" : "u" + u;
    }

    static String tagText(int t) {
        return WORDS[t % WORDS.length].substring(0, 1).toUpperCase(Locale.ROOT) + WORDS[t % WORDS.length].substring(1)
                + (t / WORDS.length == 0 ? "" : Integer.toString(t / WORDS.length));
    }

    static String token(SplittableRandom rnd) {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(),
                rnd.nextLong());
    }

    static int logUniform(SplittableRandom rnd, int lo, int hi) {
        return (int) Math.round(Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo))));
    }

    static double gaussian(SplittableRandom rnd) { // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    interface Step {
        void run() throws Exception;
    }

    static void timed(String table, long rows, Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        double s = secondsSince(t);
        System.out.printf(Locale.ROOT, "  %-26s %,10d rows %7.1f s %,9.0f rows/s%n", table, rows, s, rows / s);
    }

    /** A batched insert committing every BATCH rows. */
    static final class Batch implements AutoCloseable {
        final Connection db;
        final PreparedStatement ps;
        int pending;

        Batch(Connection db, String sql) throws SQLException {
            this.db = db;
            this.ps = db.prepareStatement(sql);
        }

        void add() throws SQLException {
            ps.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                db.commit();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                ps.close();
            }
        }
    }
}
