package org.twittner.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.Page;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
import org.twittner.post.control.TimelineEntry;
import org.twittner.social.control.Visibility;

/**
 * search_posts: top-level posts holding every term of the query, newest first, keyset-paged by
 * post id (offset_id). A page walks one term's (term, post_id) key downwards from the cursor and
 * checks each post's other terms by key, its author's visibility to the viewer (blocks both
 * ways, followers-only profiles, hidden from search) and the viewer's reports, until the page
 * is full: the rarest term leads, so the walk is short, and it is bounded (see {@link #MAX_WINDOW}).
 */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class PostSearch {

    /**
     * Where a page looks: first among the newest 50,000 post ids below its cursor, then, if that
     * did not fill it, through at most 20,000 posts of the lead term (a lead term with fewer than
     * {@link TermCounts#PROBE} posts is walked whole at once). A page is cheap whatever the
     * query (two words that each fill a sixth of the posts but never meet would otherwise walk
     * all of them), at the price that a query whose words meet in fewer than one of 20,000
     * posts of the rarer word may end early.
     */
    static final long FIRST_SPAN = 50_000;
    static final int MAX_WINDOW = 20_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    @Inject
    TermCounts counts;

    public List<PostCard> find(long viewerId, SearchQuery query, Page page) {
        List<String> terms = query.terms();
        if (terms.isEmpty()) {
            return List.of();
        }
        int[] rows = counts.of("post_search_terms", terms);
        int rarest = TermCounts.rarest(rows);
        String lead = terms.get(rarest);
        List<String> others = terms.stream().filter(term -> !term.equals(lead)).toList();
        List<Long> ids;
        if (rows[rarest] < TermCounts.PROBE) {
            // fewer than PROBE posts hold the lead term (as counted up to a minute ago): walk them all
            ids = walk(viewerId, lead, others, page.before(), 0L, page.size());
        } else {
            // the newest FIRST_SPAN post ids fill most pages at no extra cost; a query whose terms seldom
            // meet there looks again, through at most MAX_WINDOW posts of the lead term
            ids = walk(viewerId, lead, others, page.before(), null, page.size());
            if (ids.size() < page.size()) {
                ids = walk(viewerId, lead, others, page.before(), floor(lead, page.before(), MAX_WINDOW), page.size());
            }
        }
        return cards.of(viewerId, ids.stream().map(TimelineEntry::ofPost).toList());
    }

    /**
     * The matching posts the viewer may see among the lead term's posts with {@code floor <= id < before}
     * (a null floor: within {@link #FIRST_SPAN} ids of the lead term's newest post below {@code before}),
     * newest first, at most {@code limit}.
     */
    private List<Long> walk(long viewerId, String lead, List<String> others, long before, Long floor, int limit) {
        String v = Long.toString(viewerId);
        StringBuilder sql = new StringBuilder("SELECT t.post_id FROM post_search_terms t JOIN posts p ON p.id = t.post_id"
                + " JOIN users a ON a.id = p.user_id WHERE t.term = ?1 AND t.post_id < ?2 AND t.post_id >= ")
                // MAX from the index is a constant when MariaDB plans the range; a floor that takes a
                // derived table is not (it left the walk unbounded): that one is a statement of its own
                .append(floor != null ? "?3" : "(SELECT COALESCE(MAX(f.post_id), 0) FROM post_search_terms f"
                        + " WHERE f.term = ?1 AND f.post_id < ?2) - " + FIRST_SPAN);
        for (int i = 0; i < others.size(); i++) {
            // a scalar count by key per walked row: MariaDB would otherwise materialise a semi-join
            sql.append(" AND (SELECT COUNT(*) FROM post_search_terms x WHERE x.term = ?").append(i + 4)
                    .append(" AND x.post_id = t.post_id) > 0");
        }
        sql.append(" AND (a.id = ").append(v).append(" OR a.search_visibility = 1) AND ")
                .append(Visibility.authorVisible("a", viewerId));
        if (viewerId != 0) {
            sql.append(" AND (SELECT COUNT(*) FROM post_reports r WHERE r.user_id = ").append(v)
                    .append(" AND r.post_id = t.post_id) = 0");
        }
        sql.append(" ORDER BY t.post_id DESC LIMIT ").append(limit);
        var select = em.createNativeQuery(sql.toString()).setParameter(1, lead).setParameter(2, before);
        if (floor != null) {
            select.setParameter(3, floor);
        }
        for (int i = 0; i < others.size(); i++) {
            select.setParameter(i + 4, others.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = select.getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The id of the {@code window}-th post of the term below {@code before}, or 0 when it has fewer there. */
    private long floor(String term, long before, int window) {
        @SuppressWarnings("unchecked")
        List<Object> id = em.createNativeQuery("SELECT post_id FROM post_search_terms WHERE term = ?1 AND post_id < ?2"
                        + " ORDER BY post_id DESC LIMIT 1 OFFSET " + (window - 1))
                .setParameter(1, term).setParameter(2, before).getResultList();
        return id.isEmpty() ? 0 : ((Number) id.get(0)).longValue();
    }
}
