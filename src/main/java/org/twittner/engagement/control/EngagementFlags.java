package org.twittner.engagement.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twittner.post.control.ViewerFlags;

/** has_liked, has_saved, has_reposted and has_voted of a page of posts, read with its attachments. */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class EngagementFlags implements ViewerFlags {

    private static final int LIKED = FIRST_KIND;
    private static final int SAVED = FIRST_KIND + 1;
    private static final int REPOSTED = FIRST_KIND + 2;
    private static final int VOTED = FIRST_KIND + 3;

    @Override
    public String select(long viewerId, String idList, String pollIdList) {
        // ids come from the database as numbers: never text from a request
        String where = " WHERE user_id = " + viewerId + " AND post_id IN (" + idList + ")";
        return "SELECT " + LIKED + ", post_id, 0, '', '', '', 0 FROM post_likes" + where
                + " UNION ALL SELECT " + SAVED + ", post_id, 0, '', '', '', 0 FROM bookmarks" + where
                + " UNION ALL SELECT " + REPOSTED + ", post_id, 0, '', '', '', 0 FROM post_reposts" + where
                + (pollIdList.isEmpty() ? "" : " UNION ALL SELECT " + VOTED + ", post_id, position, '', '', '', 0"
                        + " FROM poll_votes WHERE user_id = " + viewerId + " AND post_id IN (" + pollIdList + ")");
    }

    @Override
    public Flags read(List<Object[]> rows) {
        Set<Long> liked = new HashSet<>();
        Set<Long> saved = new HashSet<>();
        Set<Long> reposted = new HashSet<>();
        Map<Long, Integer> votes = new HashMap<>();
        for (Object[] row : rows) {
            long postId = ((Number) row[1]).longValue();
            switch (((Number) row[0]).intValue()) {
                case LIKED -> liked.add(postId);
                case SAVED -> saved.add(postId);
                case REPOSTED -> reposted.add(postId);
                default -> votes.put(postId, ((Number) row[2]).intValue());
            }
        }
        return new Flags(liked, saved, reposted, votes);
    }
}
