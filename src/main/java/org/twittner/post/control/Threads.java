package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Page;
import org.twittner.social.control.Visibility;

/**
 * thread_data and thread_replys: a post with the chain of posts it answers and its replies,
 * newest first, each with its own newest replies. Posts the viewer may not see (blocks, private
 * profiles) are left out of every part; a hidden post itself is answered like a missing one.
 */
@Stateless
public class Threads {

    public static final String BAD_THREAD = "Thread ID is missing or invalid. Please check your details";
    /** Replies shown under each reply in a thread list (the reference shows 2). */
    static final int NESTED_REPLYS = 2;
    /** Ancestors walked up from a reply at most (a deeper chain shows its nearest part). */
    static final int MAX_ANCESTORS = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    @Inject
    ReplyRules replies;

    /** {@code data} of thread_data. */
    public record ThreadView(boolean canReply, boolean canSee, PostCard post, List<PostCard> next, List<PostCard> prev) {
    }

    public ThreadView thread(long viewerId, long postId, int replyCount) {
        ReplyRules.Target target = replies.visible(viewerId, postId);
        PostCard post = target == null ? null : cards.one(viewerId, postId);
        if (post == null) {
            throw new ApiException(400, BAD_THREAD);
        }
        List<TimelineEntry> next = replyIds(viewerId, postId, new Page(Long.MAX_VALUE, replyCount));
        return new ThreadView(replies.mayReply(viewerId, target), true, post,
                cards.withReplys(viewerId, next, NESTED_REPLYS), cards.of(viewerId, ancestors(viewerId, postId)));
    }

    /** A page of a visible post's replies, or the documented 400 for a post that is not there for the viewer. */
    public List<PostCard> replys(long viewerId, long postId, Page page) {
        if (replies.visible(viewerId, postId) == null) {
            throw new ApiException(400, BAD_THREAD);
        }
        return cards.withReplys(viewerId, replyIds(viewerId, postId, page), NESTED_REPLYS);
    }

    private List<TimelineEntry> replyIds(long viewerId, long postId, Page page) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT p.id FROM posts p JOIN users a ON a.id = p.user_id"
                        + " WHERE p.thread_id = ?1 AND p.id < ?2 AND " + Visibility.authorVisible("a", viewerId)
                        + " ORDER BY p.id DESC LIMIT " + page.size())
                .setParameter(1, postId).setParameter(2, page.before()).getResultList();
        return ids.stream().map(id -> TimelineEntry.ofPost(PostCards.number(id))).toList();
    }

    /** The posts a reply answers, from the top-level post down to its parent, in one query. */
    private List<TimelineEntry> ancestors(long viewerId, long postId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("WITH RECURSIVE chain (id, thread_id, depth) AS ("
                        + " SELECT id, thread_id, 0 FROM posts WHERE id = ?1"
                        + " UNION ALL SELECT p.id, p.thread_id, c.depth + 1 FROM posts p JOIN chain c ON p.id = c.thread_id"
                        + " WHERE c.depth < " + MAX_ANCESTORS + ")"
                        + " SELECT c.id FROM chain c JOIN posts p ON p.id = c.id JOIN users a ON a.id = p.user_id"
                        + " WHERE c.depth > 0 AND " + Visibility.authorVisible("a", viewerId) + " ORDER BY c.depth DESC")
                .setParameter(1, postId).getResultList();
        return ids.stream().map(id -> TimelineEntry.ofPost(PostCards.number(id))).toList();
    }
}
