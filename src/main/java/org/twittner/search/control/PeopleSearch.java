package org.twittner.search.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.platform.SqlLists;
import org.twittner.social.control.UserListItem;
import org.twittner.social.control.UserLists;

/**
 * search_people: people whose names hold every term of the query (a term of 3 characters or
 * more also finds the words it begins: "mar" finds Maria), most followed first (newest account
 * first among equals); paged by row count, as the reference pages (the items carry no cursor).
 * Never the viewer, anyone in a block with them, or anyone hidden from search (who has no terms).
 *
 * <p>One statement over user_search_terms alone: the rarest term's rows carry the follower
 * count they are ranked by, the other terms are checked by key per row, and no user row is read
 * before the page is chosen. (Joining users to rank 3,500 matches of "smith" took 12 ms of
 * MariaDB's time; this takes about one.)
 */
@Stateless
public class PeopleSearch {

    /** Terms shorter than this match whole words only (a one-letter prefix would match half of everyone). */
    static final int PREFIX_FROM = 3;

    /** How far the matches of a term are counted when choosing the one that leads. */
    static final int RARITY_PROBE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLists lists;

    public List<UserListItem> find(long viewerId, SearchQuery query, RowPage page) {
        List<String> terms = query.terms().stream().map(term -> term.startsWith("@") ? term.substring(1) : term)
                .filter(term -> !term.isEmpty()).distinct().toList();
        if (terms.isEmpty() || page.beyondEnd()) {
            return List.of();
        }
        String lead = rarest(terms);
        List<String> others = terms.stream().filter(term -> !term.equals(lead)).toList();
        String v = Long.toString(viewerId);
        StringBuilder sql = new StringBuilder("SELECT s.user_id, s.followers FROM user_search_terms s WHERE ")
                .append(matches("s.term", lead, 1)).append(" AND s.user_id <> ").append(v);
        for (int i = 0; i < others.size(); i++) {
            sql.append(" AND (SELECT COUNT(*) FROM user_search_terms x WHERE x.user_id = s.user_id AND ")
                    .append(matches("x.term", others.get(i), i + 2)).append(") > 0");
        }
        // blocks both ways, each side read once (a per-row NOT EXISTS cost a lookup per match)
        sql.append(" AND s.user_id NOT IN (SELECT b.blocked_id FROM blocks b WHERE b.user_id = ").append(v).append(")")
                .append(" AND s.user_id NOT IN (SELECT b.user_id FROM blocks b WHERE b.blocked_id = ").append(v).append(")")
                // a prefix can match two of one person's terms ("smith", "smithson")
                .append(" GROUP BY s.user_id, s.followers ORDER BY s.followers DESC, s.user_id DESC LIMIT ")
                .append(page.size()).append(" OFFSET ").append(page.skip());
        var select = em.createNativeQuery(sql.toString()).setParameter(1, pattern(lead));
        for (int i = 0; i < others.size(); i++) {
            select.setParameter(i + 2, pattern(others.get(i)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return lists.items(viewerId, rows.stream().map(row -> new UserLists.Row(0, ((Number) row[0]).longValue())).toList(),
                UserLists.Style.SEARCH);
    }

    /** The term with the fewest matching rows, counted up to {@link #RARITY_PROBE} each. */
    private String rarest(List<String> terms) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        String rarest = terms.get(0);
        long fewest = Long.MAX_VALUE;
        for (String term : terms) {
            long count = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM user_search_terms t WHERE "
                    + matches("t.term", term, 1) + " LIMIT " + RARITY_PROBE + ") x").setParameter(1, pattern(term))
                    .getSingleResult()).longValue();
            if (count < fewest) {
                fewest = count;
                rarest = term;
            }
        }
        return rarest;
    }

    private static String matches(String column, String term, int parameter) {
        return prefix(term) ? column + " LIKE ?" + parameter + " ESCAPE '!'" : column + " = ?" + parameter;
    }

    private static String pattern(String term) {
        return prefix(term) ? SqlLists.likeLiteral(term) + "%" : term;
    }

    private static boolean prefix(String term) {
        return term.codePointCount(0, term.length()) >= PREFIX_FROM;
    }
}
