package org.twittner.post.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the viewer did to the posts on a page: liked, bookmarked, reposted, voted. Engagement
 * owns those rows and implements this (this component cannot depend on it); until an
 * implementation is deployed, nobody has done any of it.
 */
public interface ViewerFlags {

    /** Row kinds from this one up are the flags' own in the page's attachments statement. */
    int FIRST_KIND = 10;

    /**
     * A SELECT of the viewer's flags on the posts of {@code idList}, their votes on the polls of
     * {@code pollIdList} (none when it is empty; ids PostCards writes), in
     * the shape of PostCards' attachments statement that runs it as one of its parts: (kind at
     * least {@link #FIRST_KIND}, post id, number, text, text, text, number). One statement a page
     * fewer than a query of its own: each costs MariaDB more than these few index reads.
     */
    String select(long viewerId, String idList, String pollIdList);

    /** The flags from the rows {@link #select} returned. */
    Flags read(List<Object[]> rows);

    /** The post ids the viewer liked, saved, reposted; the poll option each voted for. */
    record Flags(Set<Long> liked, Set<Long> saved, Set<Long> reposted, Map<Long, Integer> votes) {

        public static final Flags NONE = new Flags(Set.of(), Set.of(), Set.of(), Map.of());
    }
}
