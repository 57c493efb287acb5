package org.twittner.engagement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.twittner.platform.PlainStatements;
import org.twittner.post.control.ViewerFlags;

/** has_liked, has_saved, has_reposted and has_voted of a page of posts, in one query. */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class EngagementFlags implements ViewerFlags {

    @PersistenceContext
    EntityManager em;

    @Override
    public Flags of(long viewerId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Flags.NONE;
        }
        // ids come from the database as numbers: never text from a request
        String where = " WHERE user_id = " + viewerId + " AND post_id IN ("
                + postIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, "SELECT 1, post_id, 0 FROM post_likes" + where
                + " UNION ALL SELECT 2, post_id, 0 FROM bookmarks" + where
                + " UNION ALL SELECT 3, post_id, 0 FROM post_reposts" + where
                + " UNION ALL SELECT 4, post_id, position FROM poll_votes" + where).getResultList();
        Set<Long> liked = new HashSet<>();
        Set<Long> saved = new HashSet<>();
        Set<Long> reposted = new HashSet<>();
        Map<Long, Integer> votes = new HashMap<>();
        for (Object[] row : rows) {
            long postId = ((Number) row[1]).longValue();
            switch (((Number) row[0]).intValue()) {
                case 1 -> liked.add(postId);
                case 2 -> saved.add(postId);
                case 3 -> reposted.add(postId);
                default -> votes.put(postId, ((Number) row[2]).intValue());
            }
        }
        return new Flags(liked, saved, reposted, votes);
    }
}
