package org.twittner.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twittner.platform.Clock;

/**
 * How many rows each term of a query has in an index table (post_search_terms,
 * user_search_terms), counted up to {@link #PROBE}: which term a page walks (the rarest) and
 * whether it can walk all of it. The terms not yet known are counted in one statement (a
 * bounded read of each key) and remembered for {@link #TTL_SECONDS}, at most {@link #MAX_KEPT}
 * of them: the probe of two or three common words read up to 3,000 index entries, the dearest
 * statement of a search_posts page on the bench. A count only picks the walk (which term leads,
 * and whether a rare one is walked whole); the walk reads the index as it is. A stale count can
 * change which part of the index a query of words that seldom meet looks through, and a term
 * counted rare that took off within the minute is walked whole: as far as its posts of that minute.
 */
@ApplicationScoped
public class TermCounts {

    static final int PROBE = 1000;
    static final long TTL_SECONDS = 60;
    static final int MAX_KEPT = 10_000;

    private record Known(int count, long until) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Each term's row count in {@code table}, up to {@link #PROBE}, in the terms' order. */
    public int[] of(String table, List<String> terms) {
        long now = clock.unixSeconds();
        int[] counts = new int[terms.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Known k = known.get(table + ' ' + terms.get(i));
            if (k != null && k.until() > now) {
                counts[i] = k.count();
            } else {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            int[] probed = probe(table, unknown.stream().map(terms::get).toList());
            if (known.size() + unknown.size() > MAX_KEPT) {
                known.clear(); // bounded memory: starting over costs one probe per term
            }
            for (int j = 0; j < unknown.size(); j++) {
                int i = unknown.get(j);
                counts[i] = probed[j];
                known.put(table + ' ' + terms.get(i), new Known(counts[i], now + TTL_SECONDS));
            }
        }
        return counts;
    }

    /** The index of the term with the fewest rows (the first of equals). */
    static int rarest(int[] counts) {
        int rarest = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] < counts[rarest]) {
                rarest = i;
            }
        }
        return rarest;
    }

    /** Each term's rows up to {@link #PROBE}, in one statement, in the terms' order. */
    private int[] probe(String table, List<String> terms) {
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
        List<Object[]> rows = select.getResultList();
        int[] counts = new int[terms.size()];
        for (Object[] row : rows) {
            counts[((Number) row[0]).intValue()] = ((Number) row[1]).intValue();
        }
        return counts;
    }
}
