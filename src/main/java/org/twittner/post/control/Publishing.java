package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.SqlLists;
import org.twittner.post.entity.Post;
import org.twittner.post.entity.PostType;
import org.twittner.post.entity.ReplyPrivacy;
import org.twittner.user.entity.User;

/**
 * publish_post: the caller's draft media, or a text, GIF or poll post, or a reply. Everything it
 * counts (the author's posts, the parent's replies, hashtags) changes in its transaction, under
 * the author's row lock (which also orders it with the same user's draft uploads and deletes).
 */
@Stateless
public class Publishing {

    /** A new post's id, when it was stored, and the counter the answer carries: posts_total, or replys_total for a reply. */
    public record Published(long postId, long createdAt, boolean reply, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ReplyRules replies;

    @Inject
    Hashtags hashtags;

    @Inject
    Event<PostPublished> published;

    public Published publish(long authorId, NewPost form) {
        if (em.find(User.class, authorId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiException.unauthorized();
        }
        long now = clock.unixSeconds();
        PostType type = typeOf(authorId, form);
        boolean reply = form.threadId() != 0;
        long parentAuthor = 0;
        if (reply) {
            ReplyRules.Target parent = replies.visible(authorId, form.threadId());
            if (parent == null) {
                throw new ApiException(400, "Thread ID is missing or invalid. Please check your details");
            }
            if (!replies.mayReply(authorId, parent)) {
                throw new ApiException(400, "You cannot reply to this post");
            }
            parentAuthor = parent.authorId();
            // takes the parent's row lock: a delete of the parent either went first (0 rows) or waits
            if (em.createNativeQuery("UPDATE posts SET replys_count = replys_count + 1 WHERE id = ?1")
                    .setParameter(1, form.threadId()).executeUpdate() == 0) {
                throw new ApiException(400, "Thread ID is missing or invalid. Please check your details");
            }
        }
        ReplyPrivacy privacy = reply ? ReplyPrivacy.EVERYONE : form.privacy();
        String ogData = type == PostType.TEXT ? form.ogData() : "";
        Post post = new Post(authorId, form.threadId(), type, form.text(), ogData, privacy, now);
        em.persist(post);
        em.flush();
        long id = post.getId();
        switch (type) {
            case IMAGE, VIDEO -> em.createNativeQuery("UPDATE post_media SET post_id = ?1 WHERE user_id = ?2 AND post_id IS NULL")
                    .setParameter(1, id).setParameter(2, authorId).executeUpdate();
            case GIF -> em.createNativeQuery("INSERT INTO post_media (user_id, post_id, type, src, thumb, created_at)"
                            + " VALUES (?1, ?2, 'gif', ?3, '', ?4)")
                    .setParameter(1, authorId).setParameter(2, id).setParameter(3, form.gifUrl()).setParameter(4, now)
                    .executeUpdate();
            case POLL -> {
                List<String> options = form.pollOptions();
                for (int i = 0; i < options.size(); i++) {
                    em.createNativeQuery("INSERT INTO poll_options (post_id, position, text, votes) VALUES (?1, ?2, ?3, 0)")
                            .setParameter(1, id).setParameter(2, i).setParameter(3, options.get(i)).executeUpdate();
                }
            }
            default -> {
            }
        }
        hashtags.attach(id, PostText.hashtags(form.text()), now);
        mention(id, authorId, PostText.mentions(form.text()));
        published.fire(new PostPublished(id, authorId, form.threadId(), parentAuthor));
        if (reply) {
            return new Published(id, now, true, count("SELECT replys_count FROM posts WHERE id = ?1", form.threadId()));
        }
        em.createNativeQuery("INSERT INTO timeline (user_id, post_id, kind, has_media, author_id, author_public, created_at)"
                        + " SELECT ?1, ?2, 'post', ?3, ?1, CASE WHEN profile_privacy = 'everyone' THEN 1 ELSE 0 END, ?4"
                        + " FROM users WHERE id = ?1")
                .setParameter(1, authorId).setParameter(2, id).setParameter(3, type.hasMedia() ? 1 : 0)
                .setParameter(4, now).executeUpdate();
        em.createNativeQuery("UPDATE users SET post_count = post_count + 1 WHERE id = ?1")
                .setParameter(1, authorId).executeUpdate();
        return new Published(id, now, false, count("SELECT post_count FROM users WHERE id = ?1", authorId));
    }

    /**
     * The draft's media decide first (the text goes with them); then a poll (which needs a
     * question), a GIF, and text with or without a link preview.
     */
    private PostType typeOf(long authorId, NewPost form) {
        @SuppressWarnings("unchecked")
        List<String> draft = em.createNativeQuery("SELECT DISTINCT type FROM post_media WHERE user_id = ?1 AND post_id IS NULL")
                .setParameter(1, authorId).getResultList();
        if (!draft.isEmpty()) {
            return PostType.ofWire(draft.get(0));
        }
        if (!form.pollOptions().isEmpty()) {
            if (form.text().isEmpty()) {
                throw invalid();
            }
            return PostType.POLL;
        }
        if (form.gifUrl() != null) {
            return PostType.GIF;
        }
        if (form.text().isEmpty()) {
            throw invalid();
        }
        return PostType.TEXT;
    }

    /** Links the post to the existing users it mentions (other than its author). */
    private void mention(long postId, long authorId, List<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        var insert = em.createNativeQuery("INSERT INTO post_mentions (post_id, user_id)"
                        + " SELECT ?1, id FROM users WHERE id <> ?2 AND username_key IN ("
                        + SqlLists.placeholders(usernames.size(), 3) + ")")
                .setParameter(1, postId).setParameter(2, authorId);
        for (int i = 0; i < usernames.size(); i++) {
            insert.setParameter(i + 3, usernames.get(i));
        }
        insert.executeUpdate();
    }

    private long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    /** The documented 400 of publish_post, with its err_code. */
    public static ApiException invalid() {
        return new InvalidPost();
    }

    /** The documented refusal, which also carries the reference's err_code. */
    public static final class InvalidPost extends ApiException {
        private static final long serialVersionUID = 1L;

        InvalidPost() {
            super(400, NewPost.INVALID);
        }

        @Override
        public org.twittner.platform.Envelope toEnvelope() {
            org.twittner.platform.Envelope envelope = super.toEnvelope();
            NewPost.invalidExtras().forEach(envelope::with);
            return envelope;
        }
    }
}
