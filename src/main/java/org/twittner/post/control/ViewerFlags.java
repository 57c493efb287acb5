package org.twittner.post.control;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the viewer did to the posts on a page: liked, bookmarked, reposted, voted. Engagement
 * owns those rows and implements this (this component cannot depend on it); until an
 * implementation is deployed, nobody has done any of it.
 */
public interface ViewerFlags {

    Flags of(long viewerId, Collection<Long> postIds);

    /** The post ids the viewer liked, saved, reposted; the poll option each voted for. */
    record Flags(Set<Long> liked, Set<Long> saved, Set<Long> reposted, Map<Long, Integer> votes) {

        public static final Flags NONE = new Flags(Set.of(), Set.of(), Set.of(), Map.of());
    }
}
