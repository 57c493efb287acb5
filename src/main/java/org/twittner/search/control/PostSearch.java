package org.twittner.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.twittner.platform.Page;
import org.twittner.post.control.CardQuery;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
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

    /** Other terms checked by a join; any more, by a subquery each. */
    static final int JOINED_TERMS = 2;

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
        if (rows[rarest] < TermCounts.PROBE) {
            // fewer than PROBE posts hold the lead term (as counted up to a minute ago): walk them all
            return walk(viewerId, lead, others, page.before(), 0L, page.size());
        }
        // the newest FIRST_SPAN post ids fill most pages at no extra cost; a query whose terms seldom
        // meet there looks again, through at most MAX_WINDOW posts of the lead term
        List<PostCard> found = walk(viewerId, lead, others, page.before(), null, page.size());
        if (found.size() < page.size()) {
            List<PostCard> window = walk(viewerId, lead, others, page.before(), floor(lead, page.before(), MAX_WINDOW),
                    page.size());
            // a term in most of the newest posts has its MAX_WINDOW posts within FIRST_SPAN ids: then
            // the first look went further back
            return window.size() > found.size() ? window : found;
        }
        return found;
    }

    /**
     * The cards of the matching posts the viewer may see among the lead term's posts with
     * {@code floor <= id < before} (a null floor: within {@link #FIRST_SPAN} ids of the lead
     * term's newest post below {@code before}), newest first, at most {@code limit}: one statement
     * finds them and reads their cards ({@link PostCards#topLevel}).
     */
    private List<PostCard> walk(long viewerId, String lead, List<String> others, long before, Long floor, int limit) {
        // ?1 the lead term, ?2 the cursor, ?3 the viewer (a parameter: the text is every viewer's,
        // prepared once per connection), then the other terms and the floor
        List<Object> parameters = new ArrayList<>(List.of(lead, before, viewerId));
        String v = "?3";
        StringBuilder from = new StringBuilder("post_search_terms t");
        StringBuilder otherTerms = new StringBuilder();
        for (String other : others) {
            parameters.add(other);
            String x = "x" + parameters.size();
            if (parameters.size() - 3 <= JOINED_TERMS) {
                // by key, as a join: MariaDB walks one term's range and looks each walked post up
                // in the other terms' keys (a scalar subquery per term cost a quarter more)
                from.append(" JOIN post_search_terms ").append(x).append(" ON ").append(x).append(".term = ?")
                        .append(parameters.size()).append(" AND ").append(x).append(".post_id = t.post_id");
            } else {
                // past a few joins the optimizer would weigh every order of them (a CJK query can
                // have 31 terms): the rest are a scalar count by key per walked row
                otherTerms.append(" AND (SELECT COUNT(*) FROM post_search_terms ").append(x).append(" WHERE ").append(x)
                        .append(".term = ?").append(parameters.size()).append(" AND ").append(x)
                        .append(".post_id = t.post_id) > 0");
            }
        }
        Visibility.Joined visible = Visibility.authorVisibleJoined("a", v);
        from.append(" JOIN posts p ON p.id = t.post_id JOIN users a ON a.id = p.user_id").append(visible.joins())
                // the viewer's reports (a guest has none)
                .append(" LEFT JOIN post_reports r ON r.user_id = ").append(v).append(" AND r.post_id = t.post_id");
        StringBuilder where = new StringBuilder("t.term = ?1 AND t.post_id < ?2 AND t.post_id >= ");
        if (floor != null) {
            parameters.add(floor);
            where.append('?').append(parameters.size());
        } else {
            // MAX from the index is a constant when MariaDB plans the range; a floor that takes a
            // derived table is not (it left the walk unbounded): that one is a statement of its own
            where.append("(SELECT COALESCE(MAX(f.post_id), 0) FROM post_search_terms f WHERE f.term = ?1 AND f.post_id < ?2) - ")
                    .append(FIRST_SPAN);
        }
        where.append(otherTerms).append(" AND (a.id = ").append(v).append(" OR a.search_visibility = 1) AND ")
                .append(visible.condition()).append(" AND r.id IS NULL");
        // only top-level posts are indexed (SearchIndex)
        return cards.topLevel(viewerId, new CardQuery(from.toString(), where.toString(), "t.post_id DESC", limit, parameters));
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
