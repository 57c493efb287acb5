package org.twittner.feed.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Page;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
import org.twittner.post.control.TimelineEntry;
import org.twittner.social.control.Visibility;

/**
 * profile_posts: a profile's posts (its pinned post first, on the first page), its media posts,
 * and the posts it liked, newest first. Only for viewers who may see the profile's posts.
 */
@Stateless
public class ProfileTabs {

    public static final String BAD_USER = "User ID is missing or invalid";
    public static final String NOT_VIEWABLE = "This profile data is not available for viewing";

    /** The tabs; "likes" is what the reference and the apps send, "liked" what the docs say. */
    public enum Tab { POSTS, MEDIA, LIKED }

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    public List<PostCard> tab(long viewerId, long ownerId, Tab tab, Page page) {
        @SuppressWarnings("unchecked")
        List<Object[]> owner = em.createNativeQuery("SELECT a.id, a.pinned_post_id, " + Visibility.authorVisible("a", viewerId)
                + " FROM users a WHERE a.id = ?1").setParameter(1, ownerId).getResultList();
        if (owner.isEmpty()) {
            throw new ApiException(400, BAD_USER);
        }
        if (!truth(owner.get(0)[2])) {
            throw new ApiException(400, NOT_VIEWABLE);
        }
        Object pinned = owner.get(0)[1];
        List<TimelineEntry> entries = new ArrayList<>();
        switch (tab) {
            case POSTS -> {
                long pinnedId = pinned == null ? 0 : ((Number) pinned).longValue();
                if (pinnedId != 0 && page.before() == Long.MAX_VALUE) {
                    entries.addAll(Timelines.toEntries(rows("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                            + " WHERE t.user_id = ?1 AND t.post_id = " + pinnedId + " AND t.kind = 'post'", ownerId, Long.MAX_VALUE)));
                }
                // the owner's posts and reposts; a repost only when the viewer may see its original author
                entries.addAll(Timelines.toEntries(rows("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                        + " JOIN users ra ON ra.id = t.author_id"
                        + " WHERE t.user_id = ?1 AND t.id < ?2 AND NOT (t.post_id = " + pinnedId + " AND t.kind = 'post')"
                        + " AND (t.kind = 'post' OR " + Visibility.authorVisible("ra", viewerId) + ")"
                        + " ORDER BY t.id DESC LIMIT " + page.size(), ownerId, page.before())));
            }
            case MEDIA -> entries.addAll(Timelines.toEntries(rows("SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t"
                    + " WHERE t.user_id = ?1 AND t.has_media = 1 AND t.id < ?2"
                    + " ORDER BY t.id DESC LIMIT " + page.size(),
                    ownerId, page.before())));
            case LIKED -> {
                for (Object[] row : rows("SELECT l.id, l.post_id FROM post_likes l JOIN posts p ON p.id = l.post_id"
                        + " JOIN users a ON a.id = p.user_id WHERE l.user_id = ?1 AND l.id < ?2 AND "
                        + Visibility.authorVisible("a", viewerId) + " ORDER BY l.id DESC LIMIT " + page.size(), ownerId, page.before())) {
                    entries.add(new TimelineEntry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), 0));
                }
            }
        }
        return cards.of(viewerId, entries);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long ownerId, long before) {
        var query = em.createNativeQuery(sql).setParameter(1, ownerId);
        if (sql.contains("?2")) {
            query.setParameter(2, before);
        }
        return query.getResultList();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
