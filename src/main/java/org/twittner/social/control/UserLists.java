package org.twittner.social.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.twittner.platform.ApiException;
import org.twittner.platform.Page;
import org.twittner.platform.PlainStatements;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.UnixTime;
import org.twittner.user.control.UserViews;

/**
 * The user lists: a profile's followers and followings, the caller's follow requests, and (for
 * engagement) any page of (cursor, user) pairs. A page costs two queries whatever its length:
 * the page itself, filtered in SQL (people in a block with the caller never appear), and the
 * users with the caller's flags.
 */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class UserLists {

    public static final String BAD_USER = "User ID is missing or invalid";
    public static final String UNKNOWN_USER = "User with this ID does not exist";
    public static final String NOT_VIEWABLE = "This profile data is not available for viewing";

    /** How a list shows its rows (which keys it carries): SEARCH is FOLLOWS without the cursor. */
    public enum Style { FOLLOWS, LIKES, REQUESTS, SEARCH }

    /** A row of a page: its cursor and the user it shows. */
    public record Row(long offsetId, long userId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserViews views;

    @Inject
    TwittnerConfig config;

    public List<UserListItem> followers(long viewerId, long ownerId, Page page) {
        requireViewable(viewerId, ownerId);
        return items(viewerId, rows("SELECT f.id, f.follower_id FROM follows f WHERE f.following_id = ?1"
                + " AND f.status = 'active' AND f.id < ?2 AND " + Visibility.notBlocked("f.follower_id", viewerId)
                + " ORDER BY f.id DESC", ownerId, page), Style.FOLLOWS);
    }

    public List<UserListItem> following(long viewerId, long ownerId, Page page) {
        requireViewable(viewerId, ownerId);
        return items(viewerId, rows("SELECT f.id, f.following_id FROM follows f WHERE f.follower_id = ?1"
                + " AND f.status = 'active' AND f.id < ?2 AND " + Visibility.notBlocked("f.following_id", viewerId)
                + " ORDER BY f.id DESC", ownerId, page), Style.FOLLOWS);
    }

    /** The requests waiting for the caller's answer, newest first. */
    public List<UserListItem> requests(long callerId, Page page) {
        return items(callerId, rows("SELECT f.id, f.follower_id FROM follows f WHERE f.following_id = ?1"
                + " AND f.status = 'pending' AND f.id < ?2 ORDER BY f.id DESC", callerId, page), Style.REQUESTS);
    }

    /** The users of a page in its order, as {@code style} shows them to {@code viewerId} (0 for a guest). */
    public List<UserListItem> items(long viewerId, List<Row> page, Style style) {
        if (page.isEmpty()) {
            return List.of();
        }
        String in = page.stream().map(row -> Long.toString(row.userId())).distinct().collect(Collectors.joining(","));
        String v = Long.toString(viewerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, "SELECT u.id, u.about, u.follower_count, u.post_count, u.avatar,"
                        + " u.last_active_at, u.username, u.first_name, u.last_name, u.verified, u.follow_privacy,"
                        + " (SELECT COUNT(*) FROM follows f WHERE f.follower_id = " + v + " AND f.following_id = u.id"
                        + " AND f.status = 'active'),"
                        + " (SELECT COUNT(*) FROM follows f WHERE f.follower_id = " + v + " AND f.following_id = u.id"
                        + " AND f.status = 'pending'), u.email"
                        + " FROM users u WHERE u.id IN (" + in + ")")
                .getResultList();
        Map<Long, Object[]> users = new HashMap<>();
        rows.forEach(row -> users.put(number(row[0]), row));
        String site = config.publicUrl();
        List<UserListItem> items = new ArrayList<>(page.size());
        for (Row entry : page) {
            Object[] u = users.get(entry.userId());
            if (u == null) {
                continue; // the account was deleted meanwhile
            }
            boolean self = entry.userId() == viewerId;
            boolean requests = style == Style.REQUESTS;
            boolean follows = style == Style.FOLLOWS || style == Style.SEARCH;
            String first = (String) u[7];
            String last = (String) u[8];
            items.add(new UserListItem(style == Style.SEARCH ? null : entry.offsetId(), entry.userId(), (String) u[1],
                    requests ? null : (int) number(u[2]), (int) number(u[3]), views.avatarUrl((String) u[4]),
                    UnixTime.listTime(number(u[5])), "@" + u[6], first, last, self ? (String) u[13] : "",
                    Long.toString(number(u[9])), follows ? (String) u[10] : null,
                    (first + " " + last).strip(), site + "/@" + u[6],
                    requests ? null : number(u[11]) > 0,
                    follows ? number(u[12]) > 0 : null,
                    requests ? null : self,
                    requests ? Boolean.TRUE : null));
        }
        return items;
    }

    /**
     * A profile's lists are shown to whoever may see the profile: its owner, and with no block
     * either way, anybody for a public profile, accepted followers for a followers-only one.
     */
    private void requireViewable(long viewerId, long ownerId) {
        @SuppressWarnings("unchecked")
        List<Object> visible = em.createNativeQuery("SELECT " + Visibility.authorVisible("a", viewerId)
                + " FROM users a WHERE a.id = ?1").setParameter(1, ownerId).getResultList();
        if (visible.isEmpty()) {
            throw new ApiException(404, UNKNOWN_USER);
        }
        if (!truth(visible.get(0))) {
            throw new ApiException(400, NOT_VIEWABLE);
        }
    }

    private List<Row> rows(String sql, long userId, Page page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql + " LIMIT " + page.size())
                .setParameter(1, userId).setParameter(2, page.before()).getResultList();
        return rows.stream().map(row -> new Row(number(row[0]), number(row[1]))).toList();
    }

    static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
