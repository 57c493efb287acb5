package org.twittner.search.control;

import jakarta.ejb.Stateless;
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
 * is full: the rarest term leads, so the walk is short.
 */
@Stateless
public class PostSearch {

    /** How far the rarity of a term is counted when choosing the one that leads. */
    static final int RARITY_PROBE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    PostCards cards;

    public List<PostCard> find(long viewerId, SearchQuery query, Page page) {
        List<String> terms = query.terms();
        if (terms.isEmpty()) {
            return List.of();
        }
        String lead = rarest(terms);
        String v = Long.toString(viewerId);
        StringBuilder sql = new StringBuilder("SELECT t.post_id FROM post_search_terms t JOIN posts p ON p.id = t.post_id"
                + " JOIN users a ON a.id = p.user_id WHERE t.term = ?1 AND t.post_id < ?2");
        int parameter = 3;
        for (String term : terms) {
            if (!term.equals(lead)) {
                // a scalar count by key per walked row: MariaDB would otherwise materialise a semi-join
                sql.append(" AND (SELECT COUNT(*) FROM post_search_terms x WHERE x.term = ?").append(parameter++)
                        .append(" AND x.post_id = t.post_id) > 0");
            }
        }
        sql.append(" AND (a.id = ").append(v).append(" OR a.search_visibility = 1) AND ")
                .append(Visibility.authorVisible("a", viewerId));
        if (viewerId != 0) {
            sql.append(" AND (SELECT COUNT(*) FROM post_reports r WHERE r.user_id = ").append(v)
                    .append(" AND r.post_id = t.post_id) = 0");
        }
        sql.append(" ORDER BY t.post_id DESC LIMIT ").append(page.size());
        var select = em.createNativeQuery(sql.toString()).setParameter(1, lead).setParameter(2, page.before());
        parameter = 3;
        for (String term : terms) {
            if (!term.equals(lead)) {
                select.setParameter(parameter++, term);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = select.getResultList();
        return cards.of(viewerId, ids.stream().map(id -> TimelineEntry.ofPost(((Number) id).longValue())).toList());
    }

    /** The term with the fewest posts, counted up to {@link #RARITY_PROBE} each (a bounded read of its key). */
    private String rarest(List<String> terms) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        String rarest = terms.get(0);
        long fewest = Long.MAX_VALUE;
        for (String term : terms) {
            long count = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM post_search_terms"
                    + " WHERE term = ?1 LIMIT " + RARITY_PROBE + ") x").setParameter(1, term).getSingleResult()).longValue();
            if (count < fewest) {
                fewest = count;
                rarest = term;
            }
        }
        return rarest;
    }
}
