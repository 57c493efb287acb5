package org.twittner.search.control;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Which of a query's terms has the fewest rows in an index table (post_search_terms,
 * user_search_terms): the one a page walks, checking the others by key. Each term is counted up
 * to {@link #PROBE} rows (a bounded read of its key), all in one statement.
 */
final class RarestTerm {

    static final int PROBE = 1000;

    private RarestTerm() {
    }

    static String of(EntityManager em, String table, List<String> terms) {
        if (terms.size() == 1) {
            return terms.get(0);
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", COUNT(*) FROM (SELECT 1 FROM ")
                    .append(table).append(" WHERE term = ?").append(i + 1).append(" LIMIT ").append(PROBE)
                    .append(") x").append(i);
        }
        var select = em.createNativeQuery(sql.toString());
        for (int i = 0; i < terms.size(); i++) {
            select.setParameter(i + 1, terms.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = select.getResultList();
        String rarest = terms.get(0);
        long fewest = Long.MAX_VALUE;
        for (Object[] count : counts) {
            long n = ((Number) count[1]).longValue();
            if (n < fewest) {
                fewest = n;
                rarest = terms.get(((Number) count[0]).intValue());
            }
        }
        return rarest;
    }
}
