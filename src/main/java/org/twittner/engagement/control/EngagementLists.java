package org.twittner.engagement.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Page;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
import org.twittner.post.control.ReplyRules;
import org.twittner.post.control.TimelineEntry;
import org.twittner.social.control.UserListItem;
import org.twittner.social.control.UserLists;
import org.twittner.social.control.Visibility;

/** fetch_likes and get_bookmarks: newest first, keyset-paged by the like's or bookmark's id. */
@Stateless
public class EngagementLists {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReplyRules posts;

    @Inject
    UserLists users;

    @Inject
    PostCards cards;

    /** Who liked a post the viewer may see; people in a block with the viewer are left out. */
    public List<UserListItem> likers(long viewerId, long postId, Page page) {
        if (posts.visible(viewerId, postId) == null) {
            throw new ApiException(400, Reactions.BAD_POST);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT l.id, l.user_id FROM post_likes l WHERE l.post_id = ?1"
                        + " AND l.id < ?2 AND " + Visibility.notBlocked("l.user_id", viewerId)
                        + " ORDER BY l.id DESC LIMIT " + page.size())
                .setParameter(1, postId).setParameter(2, page.before()).getResultList();
        return users.items(viewerId, rows.stream().map(row -> new UserLists.Row(number(row[0]), number(row[1]))).toList(),
                UserLists.Style.LIKES);
    }

    /** The caller's bookmarks of posts they may still see (deleted posts took their bookmarks with them). */
    public List<PostCard> bookmarks(long callerId, Page page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT b.id, b.post_id FROM bookmarks b JOIN posts p ON p.id = b.post_id"
                        + " JOIN users a ON a.id = p.user_id WHERE b.user_id = ?1 AND b.id < ?2 AND "
                        + Visibility.authorVisible("a", callerId) + " ORDER BY b.id DESC LIMIT " + page.size())
                .setParameter(1, callerId).setParameter(2, page.before()).getResultList();
        return cards.of(callerId, rows.stream().map(row -> new TimelineEntry(number(row[0]), number(row[1]), 0)).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
