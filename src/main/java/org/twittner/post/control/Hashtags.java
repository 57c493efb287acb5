package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.twittner.platform.SearchText;

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

    /**
     * Links a new post to its tags (by lower-case key, as first written), creating tags on first
     * use. Two spellings the database collation takes for one tag (#cafe and #café under
     * utf8mb4_unicode_ci) are one tag, linked and counted once.
     */
    public void attach(long postId, Map<String, String> tags, long now) {
        Set<Long> ids = new TreeSet<>();
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            // a concurrent first use of the same tag waits on the unique key, then finds the row
            em.createNativeQuery("INSERT INTO hashtags (tag, tag_key, search_key, posts, last_used_at) VALUES (?1, ?2, ?4, 0, ?3)"
                            + " ON DUPLICATE KEY UPDATE last_used_at = ?3")
                    .setParameter(1, tag.getValue()).setParameter(2, tag.getKey()).setParameter(3, now)
                    .setParameter(4, searchKey(tag.getValue())).executeUpdate();
            // read committed (the pools' isolation) sees a row a concurrent first use just committed
            ids.add(((Number) em.createNativeQuery("SELECT id FROM hashtags WHERE tag_key = ?1")
                    .setParameter(1, tag.getKey()).getSingleResult()).longValue());
        }
        if (ids.isEmpty()) {
            return;
        }
        String in = PostCards.idList(ids);
        em.createNativeQuery("UPDATE hashtags SET posts = posts + 1 WHERE id IN (" + in + ")").executeUpdate();
        em.createNativeQuery("INSERT INTO post_hashtags (post_id, hashtag_id) SELECT ?1, id FROM hashtags WHERE id IN (" + in + ")")
                .setParameter(1, postId).executeUpdate();
    }

    /** The tag as search_hashtags compares it (folded, within its column's 100 characters). */
    public static String searchKey(String tag) {
        return SearchText.fold(tag, PostText.MAX_TAG_CHARACTERS);
    }

    /** Lowers the counts of the tags of posts about to be deleted (their links go with them). */
    public void detach(List<Long> postIds) {
        Map<Long, Long> byTag = new TreeMap<>();
        for (List<Long> chunk : Chunks.of(postIds)) {
            // read committed: the links of a reply committed just before the subtree was locked count too
            @SuppressWarnings("unchecked")
            List<Object> tags = em.createNativeQuery("SELECT hashtag_id FROM post_hashtags WHERE post_id IN ("
                    + PostCards.idList(chunk) + ")").getResultList();
            tags.forEach(tag -> byTag.merge(PostCards.number(tag), 1L, Long::sum));
        }
        if (byTag.isEmpty()) {
            return;
        }
        // in key order, as attach takes them, so a delete and a publish never wait in a circle
        @SuppressWarnings("unchecked")
        List<Object> ordered = em.createNativeQuery("SELECT id FROM hashtags WHERE id IN (" + PostCards.idList(byTag.keySet())
                + ") ORDER BY tag_key").getResultList();
        for (Object id : ordered) {
            long tag = PostCards.number(id);
            em.createNativeQuery("UPDATE hashtags SET posts = posts - ?1 WHERE id = ?2")
                    .setParameter(1, byTag.get(tag)).setParameter(2, tag).executeUpdate();
        }
    }
}
