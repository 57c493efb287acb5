package org.twittner.social.control;

/**
 * Whose posts a viewer may see, as SQL over a {@code users} row: their own; nobody's when either
 * side blocked the other; a public profile's, and a followers-only profile's when the viewer is
 * an accepted follower. Lists filter with it in the query (a page is never cut short by rows
 * dropped afterwards); single posts are looked up through it, so a hidden post is a missing one.
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * The condition that the author in {@code alias} (a {@code users} row) is visible to
     * {@code viewerId} (0 for a guest). The id is a number written into the SQL, never text.
     */
    public static String authorVisible(String alias, long viewerId) {
        String v = Long.toString(viewerId);
        String a = alias + ".id";
        return "(" + a + " = " + v
                + " OR (NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.user_id = " + a + " AND b.blocked_id = " + v + ")"
                + " OR (b.user_id = " + v + " AND b.blocked_id = " + a + "))"
                // a scalar count, looked up by key per row: MariaDB would materialise an EXISTS
                // (all of the viewer's follows) before the first row
                + " AND (" + alias + ".profile_privacy = 'everyone' OR (SELECT COUNT(*) FROM follows f"
                + " WHERE f.follower_id = " + v + " AND f.following_id = " + a + " AND f.status = 'active') > 0)))";
    }

    /**
     * The condition that {@code viewerId} is the user whose id is {@code userIdColumn} or an
     * accepted follower of theirs: a scalar count, looked up by the (follower, following) key.
     */
    public static String followedBy(String userIdColumn, long viewerId) {
        String v = Long.toString(viewerId);
        return "(" + userIdColumn + " = " + v + " OR (SELECT COUNT(*) FROM follows f WHERE f.follower_id = " + v
                + " AND f.following_id = " + userIdColumn + " AND f.status = 'active') > 0)";
    }
}
