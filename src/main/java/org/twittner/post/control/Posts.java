package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.platform.ApiException;
import org.twittner.post.entity.ReplyPrivacy;
import org.twittner.user.entity.User;

/** What an author does to a published post: delete it (with its replies), change who may reply, pin it. */
@Stateless
public class Posts {

    public static final String BAD_POST_ID = "Post ID is missing or invalid. Please check your details";
    public static final String BAD_DELETE_ID = "Post id is missing or invalid";

    @PersistenceContext
    EntityManager em;

    @Inject
    Hashtags hashtags;

    @Inject
    MediaCommits files;

    /**
     * Deletes the caller's post and every reply below it, and corrects what they counted in the
     * same transaction: the author's post count (top-level posts), the parent's reply count,
     * the hashtags' post counts. Their files go after the commit.
     */
    public void delete(long callerId, long postId) {
        lockUser(callerId);
        @SuppressWarnings("unchecked")
        List<Object> parent = em.createNativeQuery("SELECT thread_id FROM posts WHERE id = ?1 AND user_id = ?2")
                .setParameter(1, postId).setParameter(2, callerId).getResultList();
        if (parent.isEmpty()) {
            throw new ApiException(400, BAD_DELETE_ID);
        }
        long parentId = PostCards.number(parent.get(0));
        // the parent's row first, then the post, then the replies below (whose locking reads lock
        // index gaps), then the tags: the order publish_post takes them in, so they never wait in a circle
        if (parentId == 0) {
            em.createNativeQuery("UPDATE users SET post_count = post_count - 1 WHERE id = ?1").setParameter(1, callerId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE posts SET replys_count = replys_count - 1 WHERE id = ?1").setParameter(1, parentId)
                    .executeUpdate();
        }
        if (em.createNativeQuery("SELECT id FROM posts WHERE id = ?1 AND thread_id = ?2 FOR UPDATE")
                .setParameter(1, postId).setParameter(2, parentId).getResultList().isEmpty()) {
            throw new ApiException(400, BAD_DELETE_ID); // deleted meanwhile (with its parent): the rollback undoes the count
        }
        List<Long> subtree = Subtrees.lock(em, List.of(postId));
        List<String> paths = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(subtree)) {
            @SuppressWarnings("unchecked")
            List<Object[]> media = em.createNativeQuery("SELECT src, thumb FROM post_media WHERE type <> 'gif' AND post_id IN ("
                    + PostCards.idList(chunk) + ")").getResultList();
            media.forEach(row -> paths.addAll(List.of((String) row[0], (String) row[1])));
        }
        hashtags.detach(subtree);
        em.createNativeQuery("UPDATE users SET pinned_post_id = NULL WHERE id = ?1 AND pinned_post_id = ?2")
                .setParameter(1, callerId).setParameter(2, postId).executeUpdate();
        for (List<Long> chunk : Chunks.of(subtree)) {
            // timeline entries, media rows, poll options, tags, mentions and likes go with them (ON DELETE CASCADE)
            em.createNativeQuery("DELETE FROM posts WHERE id IN (" + PostCards.idList(chunk) + ")").executeUpdate();
        }
        files.removing(paths);
    }

    /** Who may reply to one of the caller's top-level posts; anything else is the documented 400. */
    public void changeReplyPrivacy(long callerId, long postId, ReplyPrivacy privacy) {
        int changed = em.createNativeQuery("UPDATE posts SET reply_privacy = ?1 WHERE id = ?2 AND user_id = ?3 AND thread_id = 0")
                .setParameter(1, privacy.wire()).setParameter(2, postId).setParameter(3, callerId).executeUpdate();
        if (changed == 0) {
            throw new ApiException(400, BAD_POST_ID);
        }
    }

    /** Pins one of the caller's top-level posts to their profile, or unpins it if it is pinned; returns whether it is pinned now. */
    public boolean togglePin(long callerId, long postId) {
        User user = lockUser(callerId);
        long own = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM posts WHERE id = ?1 AND user_id = ?2 AND thread_id = 0")
                .setParameter(1, postId).setParameter(2, callerId).getSingleResult()).longValue();
        if (own == 0) {
            throw new ApiException(400, BAD_POST_ID);
        }
        boolean pin = user.getPinnedPostId() == null || user.getPinnedPostId() != postId;
        user.setPinnedPostId(pin ? postId : null);
        return pin;
    }

    private User lockUser(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        return user;
    }
}
