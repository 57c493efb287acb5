package org.twittner.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.twittner.platform.SqlLists;
import org.twittner.platform.TwittnerConfig;
import org.twittner.post.control.Hashtags;

/**
 * search_hashtags: tags in use whose folded form begins with the query (a leading '#' is
 * dropped), most used first, then most recently used, paged by row count as the reference
 * does. A prefix of the (search_key, posts) index, not the reference's "contains" scan.
 */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class HashtagSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    TwittnerConfig config;

    public List<HashtagItem> find(SearchQuery query, RowPage page) {
        String text = query.text().startsWith("#") ? query.text().substring(1).strip() : query.text();
        String key = Hashtags.searchKey(text);
        if (key.isEmpty() || page.beyondEnd()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, tag, posts, last_used_at FROM hashtags"
                        + " WHERE search_key LIKE ?1 ESCAPE '!' AND posts > 0"
                        + " ORDER BY posts DESC, last_used_at DESC, id DESC LIMIT " + page.size() + " OFFSET " + page.skip())
                .setParameter(1, SqlLists.likeLiteral(key) + "%").getResultList();
        String site = config.publicUrl();
        List<HashtagItem> items = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String tag = (String) row[1];
            int posts = ((Number) row[2]).intValue();
            items.add(new HashtagItem(((Number) row[0]).longValue(), posts, tag, Long.toString(((Number) row[3]).longValue()),
                    "#" + tag, site + "/search/posts?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8),
                    Integer.toString(posts)));
        }
        return items;
    }
}
