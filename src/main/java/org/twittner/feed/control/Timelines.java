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

/**
 * The home timeline: the caller's entries and those of the accounts they follow, newest first,
 * keyset-paged by entry id (posts arriving meanwhile neither repeat nor hide entries). Blocked
 * accounts never appear, whatever the follow rows say.
 *
 * <p>Two plans, chosen by how many accounts the reader follows, so that a page costs about the
 * same for everyone and does not grow with the community: for most readers, the newest entries
 * of each followed account through the (user_id, id) index; for a reader who follows more than
 * {@link #FOLLOWING_FOR_SCAN} accounts, the newest entries of everyone, kept when the author is
 * followed (a few hundred rows at most, as such a reader follows a large share of what is posted).
 */
@Stateless
public class Timelines {

    static final int FOLLOWING_FOR_SCAN = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    public List<PostCard> home(long viewerId, Page page) {
        @SuppressWarnings("unchecked")
        List<Object> followed = em.createNativeQuery(
                        "SELECT following_id FROM follows WHERE follower_id = ?1 AND status = 'active'")
                .setParameter(1, viewerId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object> blocked = em.createNativeQuery("SELECT blocked_id FROM blocks WHERE user_id = ?1"
                        + " UNION SELECT user_id FROM blocks WHERE blocked_id = ?1")
                .setParameter(1, viewerId).getResultList();
        Set<Long> hidden = blocked.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
        String notHidden = hidden.isEmpty() ? "" : " AND t.user_id NOT IN (" + ids(hidden) + ")";
        List<Object[]> rows;
        if (followed.size() <= FOLLOWING_FOR_SCAN) {
            Set<Long> authors = new LinkedHashSet<>();
            authors.add(viewerId);
            followed.forEach(id -> authors.add(((Number) id).longValue()));
            authors.removeAll(hidden);
            rows = entries("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                    + " WHERE t.user_id IN (" + ids(authors) + ") AND t.id < ?1 ORDER BY t.id DESC LIMIT " + page.size(),
                    page.before());
        } else {
            rows = entries("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                    + " WHERE t.id < ?1 AND (t.user_id = " + viewerId + " OR EXISTS (SELECT 1 FROM follows f"
                    + " WHERE f.follower_id = " + viewerId + " AND f.following_id = t.user_id AND f.status = 'active'))"
                    + notHidden + " ORDER BY t.id DESC LIMIT " + page.size(), page.before());
        }
        return cards.of(viewerId, toEntries(rows));
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
