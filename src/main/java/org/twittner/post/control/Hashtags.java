package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hashtag rows and their post counts, changed in the transaction that adds or deletes the posts.
 * Tags are taken in key order, so two posts with the same tags never wait on each other in a
 * circle; counts change with single UPDATE statements, so concurrent posts lose no increment.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Hashtags {

    @PersistenceContext
    EntityManager em;

    /** Links a new post to its tags (by lower-case key, as first written), creating tags on first use. */
    public void attach(long postId, Map<String, String> tags, long now) {
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            int counted = em.createNativeQuery("UPDATE hashtags SET posts = posts + 1, last_used_at = ?1 WHERE tag_key = ?2")
                    .setParameter(1, now).setParameter(2, tag.getKey()).executeUpdate();
            if (counted == 0) {
                // first use; a concurrent first use of the same tag waits on the unique key, then counts
                em.createNativeQuery("INSERT INTO hashtags (tag, tag_key, posts, last_used_at) VALUES (?1, ?2, 1, ?3)"
                                + " ON DUPLICATE KEY UPDATE posts = posts + 1, last_used_at = ?3")
                        .setParameter(1, tag.getValue()).setParameter(2, tag.getKey()).setParameter(3, now)
                        .executeUpdate();
            }
            em.createNativeQuery("INSERT INTO post_hashtags (post_id, hashtag_id) SELECT ?1, id FROM hashtags WHERE tag_key = ?2")
                    .setParameter(1, postId).setParameter(2, tag.getKey()).executeUpdate();
        }
    }

    /** Lowers the counts of the tags of posts about to be deleted (their links go with them). */
    public void detach(List<Long> postIds) {
        List<Object[]> counts = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(postIds)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT hashtag_id, COUNT(*) FROM post_hashtags WHERE post_id IN ("
                    + PostCards.idList(chunk) + ") GROUP BY hashtag_id").getResultList();
            counts.addAll(rows);
        }
        Map<Long, Long> byTag = new TreeMap<>();
        counts.forEach(row -> byTag.merge(PostCards.number(row[0]), PostCards.number(row[1]), Long::sum));
        byTag.forEach((tag, count) -> em.createNativeQuery("UPDATE hashtags SET posts = posts - ?1 WHERE id = ?2")
                .setParameter(1, count).setParameter(2, tag).executeUpdate());
    }
}
