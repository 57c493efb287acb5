package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.twittner.media.control.MediaCommits;
import org.twittner.user.control.AccountErasure;

/**
 * A deleted account's posts and replies, with every reply below them (as delete_post), and its
 * unpublished attachments. Puts right what they counted: the reply counts of other people's
 * posts it replied to and the hashtags' post counts. Likes, reposts, bookmarks, votes, media
 * rows and timeline entries of the posts go with them (foreign keys); their files after the commit.
 */
@Stateless
public class PostAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    Hashtags hashtags;

    @Inject
    MediaCommits files;

    @Override
    public void eraseAccount(long userId) {
        @SuppressWarnings("unchecked")
        List<Object> own = em.createNativeQuery("SELECT id FROM posts WHERE user_id = ?1 ORDER BY id FOR UPDATE")
                .setParameter(1, userId).getResultList();
        List<String> paths = new ArrayList<>();
        if (!own.isEmpty()) {
            List<Long> posts = Subtrees.lock(em, own.stream().map(PostCards::number).toList());
            Set<Long> deleted = new HashSet<>(posts);
            Map<Long, Long> repliesLost = new TreeMap<>(); // lowest id first, like every writer
            for (List<Long> chunk : Chunks.of(posts)) {
                @SuppressWarnings("unchecked")
                List<Object> parents = em.createNativeQuery("SELECT thread_id FROM posts WHERE thread_id <> 0 AND id IN ("
                        + PostCards.idList(chunk) + ")").getResultList();
                parents.stream().map(PostCards::number).filter(parent -> !deleted.contains(parent))
                        .forEach(parent -> repliesLost.merge(parent, 1L, Long::sum));
                @SuppressWarnings("unchecked")
                List<Object[]> media = em.createNativeQuery("SELECT src, thumb FROM post_media WHERE type <> 'gif' AND post_id IN ("
                        + PostCards.idList(chunk) + ")").getResultList();
                media.forEach(row -> paths.addAll(List.of((String) row[0], (String) row[1])));
            }
            repliesLost.forEach((parent, lost) -> em.createNativeQuery("UPDATE posts SET replys_count = replys_count - ?1 WHERE id = ?2")
                    .setParameter(1, lost).setParameter(2, parent).executeUpdate());
            hashtags.detach(posts);
            // deepest first is not needed: no foreign key between a reply and its parent
            for (List<Long> chunk : Chunks.of(posts)) {
                em.createNativeQuery("DELETE FROM posts WHERE id IN (" + PostCards.idList(chunk) + ")").executeUpdate();
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> drafts = em.createNativeQuery("SELECT src, thumb FROM post_media WHERE type <> 'gif' AND user_id = ?1")
                .setParameter(1, userId).getResultList();
        drafts.forEach(row -> paths.addAll(List.of((String) row[0], (String) row[1])));
        em.createNativeQuery("DELETE FROM post_media WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        files.removing(paths);
    }
}
