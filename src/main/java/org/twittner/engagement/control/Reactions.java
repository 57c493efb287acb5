package org.twittner.engagement.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.post.control.PostTargets;
import org.twittner.user.control.UserLocks;

/**
 * The one-tap toggles on a post: like, repost, bookmark. Each locks the caller's row, then the
 * post (so a tap sent twice at once runs twice in turn and ends where two taps end), then adds
 * or removes the caller's row (a unique key per user and post backs this up) and moves the
 * post's counter in the same transaction.
 */
@Stateless
public class Reactions {

    public static final String BAD_POST = "Post id is missing or invalid";

    /** The state after a toggle, and the post's counter for it (0 for bookmarks, which have none). */
    public record Toggled(boolean on, long count) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    PostTargets posts;

    @Inject
    Clock clock;

    @Inject
    Event<PostReaction> reactions;

    public Toggled like(long callerId, long postId) {
        PostTargets.Target post = lock(callerId, postId);
        boolean on = toggleRow("post_likes", callerId, postId);
        Toggled toggled = new Toggled(on, count(postId, "likes_count", on));
        reactions.fire(new PostReaction(PostReaction.Kind.LIKE, callerId, postId, post.authorId(), on));
        return toggled;
    }

    /** A repost is also an entry on the reposter's timeline, so their followers' feeds show it. */
    public Toggled repost(long callerId, long postId) {
        PostTargets.Target post = lock(callerId, postId);
        boolean on = toggleRow("post_reposts", callerId, postId);
        if (on) {
            posts.addRepostEntry(callerId, post, clock.unixSeconds());
        } else {
            posts.removeRepostEntry(callerId, postId);
        }
        Toggled toggled = new Toggled(on, count(postId, "reposts_count", on));
        reactions.fire(new PostReaction(PostReaction.Kind.REPOST, callerId, postId, post.authorId(), on));
        return toggled;
    }

    public Toggled bookmark(long callerId, long postId) {
        lock(callerId, postId);
        return new Toggled(toggleRow("bookmarks", callerId, postId), 0);
    }

    private PostTargets.Target lock(long callerId, long postId) {
        locks.lock(callerId);
        PostTargets.Target post = posts.lockVisible(callerId, postId);
        if (post == null) {
            throw new ApiException(400, BAD_POST);
        }
        return post;
    }

    /** Removes the caller's row, or adds it if there was none; returns whether it is there now. */
    private boolean toggleRow(String table, long callerId, long postId) {
        int removed = em.createNativeQuery("DELETE FROM " + table + " WHERE user_id = ?1 AND post_id = ?2")
                .setParameter(1, callerId).setParameter(2, postId).executeUpdate();
        if (removed > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO " + table + " (user_id, post_id, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, callerId).setParameter(2, postId).setParameter(3, clock.unixSeconds()).executeUpdate();
        return true;
    }

    private long count(long postId, String counter, boolean up) {
        em.createNativeQuery("UPDATE posts SET " + counter + " = " + counter + (up ? " + 1" : " - 1") + " WHERE id = ?1")
                .setParameter(1, postId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT " + counter + " FROM posts WHERE id = ?1")
                .setParameter(1, postId).getSingleResult()).longValue();
    }
}
