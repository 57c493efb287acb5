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
import org.twittner.platform.Clock;
import org.twittner.user.entity.User;

/**
 * The caller's draft: media uploaded for the next post (post_media rows without a post). One
 * kind per draft, at most ten images or one video; changes run under the author's row lock, so
 * concurrent uploads cannot exceed the limits.
 */
@Stateless
public class Drafts {

    public static final int MAX_IMAGES = 10;
    static final String NO_ROOM_IMAGES = "You cannot attach more than 10 images to a post";
    static final String NO_ROOM_VIDEO = "You cannot attach more than 1 video to a post";
    static final String MIXED = "You cannot attach images and a video to the same post";
    public static final String NO_DRAFT = "An error occurred while processing your request. Please try again later.";
    public static final String BAD_MEDIA_ID = "Media file ID is missing or invalid";

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Inject
    Clock clock;

    /** Refuses early (before the file is processed) when the draft has no room for this kind. */
    public void checkRoom(long userId, String type) {
        room(userId, type);
    }

    /** Adds processed files to the draft; returns the media id. The files go if this fails. */
    public long add(long userId, String type, String src, String thumb) {
        files.adding(List.of(src, thumb));
        if (em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiException.unauthorized();
        }
        room(userId, type);
        em.createNativeQuery("INSERT INTO post_media (user_id, post_id, type, src, thumb, created_at) VALUES (?1, NULL, ?2, ?3, ?4, ?5)")
                .setParameter(1, userId).setParameter(2, type).setParameter(3, src).setParameter(4, thumb)
                .setParameter(5, clock.unixSeconds()).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM post_media WHERE user_id = ?1 AND post_id IS NULL")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    /**
     * Removes an image from the draft, or the whole draft for a video (it has one file); the
     * files go after the commit. Only the caller's own draft is touched: another user's media id
     * is refused like an unknown one.
     */
    public void delete(long userId, String type, long mediaId) {
        if (em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiException.unauthorized();
        }
        List<Object[]> draft = rows("SELECT id, type, src, thumb FROM post_media WHERE user_id = ?1 AND post_id IS NULL", userId);
        if (draft.isEmpty()) {
            throw new ApiException(500, NO_DRAFT);
        }
        List<String> paths = new ArrayList<>();
        int deleted;
        if ("video".equals(type)) {
            draft.forEach(row -> paths.addAll(List.of((String) row[2], (String) row[3])));
            deleted = em.createNativeQuery("DELETE FROM post_media WHERE user_id = ?1 AND post_id IS NULL")
                    .setParameter(1, userId).executeUpdate();
        } else {
            draft.stream().filter(row -> PostCards.number(row[0]) == mediaId && "image".equals(row[1]))
                    .forEach(row -> paths.addAll(List.of((String) row[2], (String) row[3])));
            deleted = em.createNativeQuery("DELETE FROM post_media WHERE id = ?1 AND user_id = ?2 AND post_id IS NULL AND type = 'image'")
                    .setParameter(1, mediaId).setParameter(2, userId).executeUpdate();
        }
        if (deleted == 0) {
            throw new ApiException(400, BAD_MEDIA_ID);
        }
        files.removing(paths);
    }

    private void room(long userId, String type) {
        List<Object[]> draft = rows("SELECT id, type, src, thumb FROM post_media WHERE user_id = ?1 AND post_id IS NULL", userId);
        for (Object[] row : draft) {
            if (!type.equals(row[1])) {
                throw new ApiException(400, MIXED);
            }
        }
        if ("video".equals(type) && !draft.isEmpty()) {
            throw new ApiException(400, NO_ROOM_VIDEO);
        }
        if (draft.size() >= MAX_IMAGES) {
            throw new ApiException(400, NO_ROOM_IMAGES);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long userId) {
        return em.createNativeQuery(sql).setParameter(1, userId).getResultList();
    }
}
