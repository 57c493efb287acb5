package org.twittner.feed.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.twittner.platform.Page;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
import org.twittner.post.control.TimelineEntry;
import org.twittner.social.control.Visibility;

/**
 * The home timeline: the caller's entries and those of the accounts they follow, newest first,
 * keyset-paged by entry id (posts arriving meanwhile neither repeat nor hide entries). Blocked
 * accounts never appear, whatever the follow rows say.
 *
 * <p>Two plans, chosen by how many accounts the reader follows, so that a page costs about the
 * same for everyone and does not grow with the community: for most readers, the newest entries
 * of each followed account through the (user_id, id) index, at most a page per account; for a
 * reader who follows more than {@link #FOLLOWING_FOR_SCAN} accounts (or more than
 * {@link #MAX_PROLIFIC_PARTS} prolific ones), the newest entries of everyone, kept when the
 * author is followed (such a reader follows a large share of what is posted, so a page is
 * found within a few hundred rows).
 */
@Stateless
public class Timelines {

    static final int FOLLOWING_FOR_SCAN = 500;
    /**
     * Prolific followed authors (more than a page of entries) get a UNION part each; past this
     * many, optimising the statement costs more than scanning, and the scan finds their many
     * entries quickly.
     */
    static final int MAX_PROLIFIC_PARTS = 64;
    /** Entries the many-followed plan looks at before it hands over to the per-author plan. */
    static final int SCAN_WINDOW = 20_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    public List<PostCard> home(long viewerId, Page page) {
        // who the reader follows, with how many entries each has (to plan the read), a bounded list
        @SuppressWarnings("unchecked")
        List<Object[]> followed = em.createNativeQuery("SELECT f.following_id, u.post_count, u.profile_privacy FROM follows f"
                        + " JOIN users u ON u.id = f.following_id WHERE f.follower_id = ?1 AND f.status = 'active'"
                        + " LIMIT " + (FOLLOWING_FOR_SCAN + 1))
                .setParameter(1, viewerId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> blocked = em.createNativeQuery("SELECT blocked_id FROM blocks WHERE user_id = ?1"
                        + " UNION SELECT user_id FROM blocks WHERE blocked_id = ?1")
                .setParameter(1, viewerId).getResultList();
        Set<Long> hidden = blocked.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
        // a repost entry shows its original author's post: hidden across a block with them (both
        // id columns against the reader's blocks)...
        String notBlocked = hidden.isEmpty() ? "" : " AND t.user_id NOT IN (" + ids(hidden) + ") AND t.author_id NOT IN ("
                + ids(hidden) + ")";
        long prolific = followed.stream().filter(row -> ((Number) row[1]).longValue() > page.size()).count();
        if (followed.size() > FOLLOWING_FOR_SCAN || prolific > MAX_PROLIFIC_PARTS) {
            // ...and from strangers when the author is followers-only: the reader's follows are
            // too many to list here, so they are looked up, for private authors' reposts only
            String reposts = " AND (t.kind = 'post' OR t.author_public = 1 OR " + Visibility.followedBy("t.author_id", viewerId) + ")";
            return cards.of(viewerId, toEntries(manyFollowed(viewerId, page, notBlocked + reposts)));
        }
        // ...and from strangers when the author is followers-only: in this plan the reader's
        // follows are all known, so the followed private authors are listed (usually none or few)
        Set<Long> privateFollowed = new LinkedHashSet<>(List.of(viewerId));
        for (Object[] row : followed) {
            if (!"everyone".equals(row[2])) {
                privateFollowed.add(((Number) row[0]).longValue());
            }
        }
        String reposts = " AND (t.kind = 'post' OR t.author_public = 1 OR t.author_id IN (" + ids(privateFollowed) + "))";
        List<Object[]> rows = fewFollowed(viewerId, followed, hidden, page, notBlocked + reposts);
        return cards.of(viewerId, toEntries(rows));
    }

    /**
     * Each author's newest entries through (user_id, id): authors with few entries in one IN
     * list, each prolific author in a subquery of its own that stops after a page, so a page never
     * reads more than a page per prolific author, however much they post.
     */
    private List<Object[]> fewFollowed(long viewerId, List<Object[]> followed, Set<Long> hidden, Page page, String visible) {
        Set<Long> few = new LinkedHashSet<>();
        Set<Long> prolific = new LinkedHashSet<>();
        few.add(viewerId);
        for (Object[] row : followed) {
            long author = ((Number) row[0]).longValue();
            if (!hidden.contains(author)) {
                (((Number) row[1]).longValue() > page.size() ? prolific : few).add(author);
            }
        }
        String select = "SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t WHERE t.id < ?1" + visible;
        String limit = " ORDER BY t.id DESC LIMIT " + page.size();
        StringBuilder sql = new StringBuilder("SELECT id, post_id, user_id, kind FROM ((")
                .append(select).append(" AND t.user_id IN (").append(ids(few)).append(")").append(limit).append(")");
        for (long author : prolific) {
            sql.append(" UNION ALL (").append(select).append(" AND t.user_id = ").append(author).append(limit).append(")");
        }
        sql.append(") x ORDER BY id DESC LIMIT ").append(page.size());
        return entries(sql.toString(), page.before());
    }

    /**
     * The newest {@link #SCAN_WINDOW} entry ids of everyone, kept when the author is followed;
     * should the followed accounts post too rarely to fill the page there, every entry of
     * theirs is read instead.
     */
    private List<Object[]> manyFollowed(long viewerId, Page page, String visible) {
        // a scalar subquery: looked up by the (follower, following) key for each scanned entry, where
        // MariaDB would otherwise materialise all of the reader's follows first (5 ms for 5,000)
        String followedBy = Visibility.followedBy("t.user_id", viewerId);
        // ids only grow, so the window is an id range: the scan walks it newest first and stops at a page
        long newest = Math.min(page.before() - 1, ((Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM timeline")
                .getSingleResult()).longValue());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                        + " WHERE t.id <= ?1 AND t.id > ?2 AND " + followedBy + visible + " ORDER BY t.id DESC LIMIT " + page.size())
                .setParameter(1, newest).setParameter(2, newest - SCAN_WINDOW).getResultList();
        if (rows.size() < page.size()) {
            rows = entries("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t WHERE t.id < ?1 AND (t.user_id = "
                    + viewerId + " OR t.user_id IN (SELECT following_id FROM follows WHERE follower_id = " + viewerId
                    + " AND status = 'active'))" + visible + " ORDER BY t.id DESC LIMIT " + page.size(), page.before());
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> entries(String sql, long before) {
        return em.createNativeQuery(sql).setParameter(1, before).getResultList();
    }

    static List<TimelineEntry> toEntries(List<Object[]> rows) {
        List<TimelineEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            boolean repost = "repost".equals(row[3]);
            entries.add(new TimelineEntry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    repost ? ((Number) row[2]).longValue() : 0));
        }
        return entries;
    }

    static String ids(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
