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
     * did not fill it (or at once when the lead term has fewer than {@link TermCounts#PROBE}
     * posts), through at most 20,000 posts of the lead term. A page is cheap whatever the
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
        List<Long> ids = List.of();
        // the newest FIRST_SPAN post ids fill most pages; a lead term with fewer than PROBE posts is
        // walked whole at once, as is (at most MAX_WINDOW posts of) a lead whose terms seldom meet there
        if (rows[rarest] >= TermCounts.PROBE) {
            ids = walk(viewerId, lead, others, page.before(), false, page.size());
        }
        if (ids.size() < page.size()) {
            ids = walk(viewerId, lead, others, page.before(), true, page.size());
        }
        return cards.of(viewerId, ids.stream().map(TimelineEntry::ofPost).toList());
    }

    /**
     * The matching posts the viewer may see among the lead term's posts below {@code before}:
     * within {@link #FIRST_SPAN} ids of its newest one there, or ({@code window}) among its
     * {@link #MAX_WINDOW} newest there; newest first, at most {@code limit}.
     */
    private List<Long> walk(long viewerId, String lead, List<String> others, long before, boolean window, int limit) {
        String v = Long.toString(viewerId);
        StringBuilder sql = new StringBuilder("SELECT t.post_id FROM post_search_terms t JOIN posts p ON p.id = t.post_id"
                + " JOIN users a ON a.id = p.user_id WHERE t.term = ?1 AND t.post_id < ?2 AND t.post_id >= ")
                // both bounds are uncorrelated subqueries: the database reads them once per statement
                .append(window ? "(SELECT COALESCE(MIN(w.post_id), 0) FROM (SELECT post_id FROM post_search_terms"
                        + " WHERE term = ?1 AND post_id < ?2 ORDER BY post_id DESC LIMIT " + MAX_WINDOW + ") w)"
                        : "(SELECT COALESCE(MAX(f.post_id), 0) FROM post_search_terms f"
                        + " WHERE f.term = ?1 AND f.post_id < ?2) - " + FIRST_SPAN);
        for (int i = 0; i < others.size(); i++) {
            // a scalar count by key per walked row: MariaDB would otherwise materialise a semi-join
            sql.append(" AND (SELECT COUNT(*) FROM post_search_terms x WHERE x.term = ?").append(i + 3)
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
        for (int i = 0; i < others.size(); i++) {
            select.setParameter(i + 3, others.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = select.getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
