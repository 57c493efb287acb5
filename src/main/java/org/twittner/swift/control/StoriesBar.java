package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.Clock;
import org.twittner.platform.RelativeTime;
import org.twittner.platform.TwittnerConfig;
import org.twittner.social.control.Visibility;
import org.twittner.user.control.UserViews;

/**
 * get_swifts: the stories bar. The caller's live swifts and those of the accounts they follow,
 * one entry per user: the caller first, then users with swifts the caller has not seen, then the
 * rest, newest first; each user's swifts in the order they were published. Four statements
 * whatever the number of users and swifts (authors, swifts with the caller's seen marks, users,
 * the caller's viewers). A swift at or past its expiry is never read, whether or not the purge
 * has removed it yet.
 */
@Stateless
public class StoriesBar {

    /** The most followed users the bar shows, those with the newest swifts (Instagram pages its bar likewise). */
    public static final int MAX_USERS = 100;
    /** The viewers listed per swift of the caller's own, newest first; {@code views_count} has them all. */
    public static final int MAX_VIEWERS = 200;

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One user of the bar (contract README §2.10). */
    public record Entry(long id, String username, String fname, String lname, String avatar, String name, String url,
            Boolean isUser, Boolean hasUnseen, List<Swift> swift) {
    }

    /**
     * One swift. {@code views} maps viewer ids to viewers for the owner's own swifts (the newest
     * {@value #MAX_VIEWERS}) and is empty for anyone else's: who watched is the owner's business.
     */
    public record Swift(Map<String, Viewer> views, int viewsCount, String time, String type, String status,
            Map<String, Object> media, long expTime, String text, int seen, String swid) {
    }

    public record Viewer(long id, String username, String fname, String lname, String avatar, String name, String url,
            String time) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MediaUrls urls;

    @Inject
    UserViews users;

    @Inject
    TwittnerConfig config;

    public List<Entry> of(long viewerId) {
        long now = clock.unixSeconds();
        String v = Long.toString(viewerId);
        @SuppressWarnings("unchecked")
        List<Object> followed = em.createNativeQuery("SELECT s.user_id FROM swifts s"
                        + " JOIN follows f ON f.following_id = s.user_id AND f.follower_id = " + v + " AND f.status = 'active'"
                        + " WHERE s.expires_at > ?1 AND " + Visibility.notBlocked("s.user_id", viewerId)
                        + " GROUP BY s.user_id ORDER BY MAX(s.id) DESC LIMIT " + MAX_USERS)
                .setParameter(1, now).getResultList();
        List<Long> authors = new ArrayList<>();
        authors.add(viewerId);
        followed.forEach(id -> authors.add(((Number) id).longValue()));
        String in = authors.stream().map(String::valueOf).collect(Collectors.joining(","));

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.swid, s.user_id, s.type, s.src, s.poster, s.duration,"
                        + " s.text, s.view_count, s.created_at, s.expires_at,"
                        + " (SELECT COUNT(*) FROM swift_views w WHERE w.swift_id = s.id AND w.viewer_id = " + v + ")"
                        + " FROM swifts s WHERE s.user_id IN (" + in + ") AND s.expires_at > ?1 ORDER BY s.id")
                .setParameter(1, now).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> own = rows.stream().filter(row -> number(row[2]) == viewerId).map(row -> number(row[0])).toList();
        Map<Long, Map<String, Viewer>> viewers = viewers(own, viewerId, now);
        Map<Long, List<Swift>> swifts = new LinkedHashMap<>();
        Map<Long, Long> newest = new HashMap<>();
        Map<Long, Boolean> unseen = new HashMap<>();
        for (Object[] row : rows) {
            long author = number(row[2]);
            boolean mine = author == viewerId;
            boolean seen = mine || number(row[11]) > 0;
            swifts.computeIfAbsent(author, a -> new ArrayList<>()).add(new Swift(
                    mine ? viewers.getOrDefault(number(row[0]), Map.of()) : Map.of(), (int) number(row[8]),
                    HOUR_MINUTE.format(Instant.ofEpochSecond(number(row[9]))), (String) row[3], "active",
                    media((String) row[3], (String) row[4], (String) row[5], (int) number(row[6])),
                    number(row[10]), (String) row[7], seen ? 1 : 0, (String) row[1]));
            newest.put(author, number(row[0]));
            unseen.merge(author, !seen, Boolean::logicalOr);
        }
        Map<Long, Object[]> people = people(swifts.keySet());
        String site = config.publicUrl();
        List<Entry> bar = new ArrayList<>();
        for (Map.Entry<Long, List<Swift>> author : swifts.entrySet()) {
            Object[] u = people.get(author.getKey());
            if (u == null) {
                continue; // the account went meanwhile
            }
            String first = (String) u[2];
            String last = (String) u[3];
            bar.add(new Entry(author.getKey(), "@" + u[1], first, last, users.avatarUrl((String) u[4]),
                    (first + " " + last).strip(), site + "/@" + u[1], author.getKey() == viewerId,
                    unseen.get(author.getKey()), author.getValue()));
        }
        bar.sort(Comparator.comparing((Entry e) -> !e.isUser()).thenComparing(e -> !e.hasUnseen())
                .thenComparing(e -> -newest.get(e.id())));
        return bar;
    }

    /** The media object: {@code src} for every type (what the apps read), and for videos the reference's fields. */
    private Map<String, Object> media(String type, String src, String poster, int duration) {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("src", urls.url(src));
        if ("video".equals(type)) {
            media.put("source", urls.url(src));
            media.put("duration", duration);
            media.put("poster", urls.url(poster));
        }
        return media;
    }

    /** The newest viewers of the caller's own swifts, blocked pairs left out, keyed by swift then viewer id. */
    private Map<Long, Map<String, Viewer>> viewers(List<Long> own, long ownerId, long now) {
        Map<Long, Map<String, Viewer>> viewers = new HashMap<>();
        if (own.isEmpty()) {
            return viewers;
        }
        String in = own.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT w.swift_id, w.viewed_at, u.id, u.username, u.first_name,"
                        + " u.last_name, u.avatar FROM (SELECT swift_id, viewer_id, viewed_at, ROW_NUMBER() OVER"
                        + " (PARTITION BY swift_id ORDER BY viewed_at DESC, viewer_id DESC) AS n FROM swift_views"
                        + " WHERE swift_id IN (" + in + ")) w JOIN users u ON u.id = w.viewer_id"
                        + " WHERE w.n <= " + MAX_VIEWERS + " AND " + Visibility.notBlocked("u.id", ownerId)
                        + " ORDER BY w.swift_id, w.viewed_at DESC, w.viewer_id DESC")
                .getResultList();
        String site = config.publicUrl();
        for (Object[] row : rows) {
            String first = (String) row[4];
            String last = (String) row[5];
            viewers.computeIfAbsent(number(row[0]), s -> new LinkedHashMap<>()).put(Long.toString(number(row[2])),
                    new Viewer(number(row[2]), "@" + row[3], first, last, users.avatarUrl((String) row[6]),
                            (first + " " + last).strip(), site + "/@" + row[3], RelativeTime.ago(number(row[1]), now)));
        }
        return viewers;
    }

    private Map<Long, Object[]> people(java.util.Set<Long> ids) {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, username, first_name, last_name, avatar FROM users"
                + " WHERE id IN (" + in + ")").getResultList();
        Map<Long, Object[]> people = new HashMap<>();
        rows.forEach(row -> people.put(number(row[0]), row));
        return people;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
