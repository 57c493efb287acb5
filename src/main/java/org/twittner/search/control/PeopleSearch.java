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
 * more also finds the words it begins: "mar" finds Maria), most followed first, then most
 * posts, as the reference orders them; paged by row count, as the reference pages (the items
 * carry no cursor). Never the viewer, anyone in a block with them, or anyone hidden from search.
 */
@Stateless
public class PeopleSearch {

    /** Terms shorter than this match whole words only (a one-letter prefix would match half of everyone). */
    static final int PREFIX_FROM = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLists lists;

    public List<UserListItem> find(long viewerId, SearchQuery query, RowPage page) {
        List<String> terms = query.terms().stream().map(term -> term.startsWith("@") ? term.substring(1) : term)
                .distinct().toList();
        if (terms.isEmpty() || page.beyondEnd()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT u.id FROM users u WHERE u.id <> ").append(viewerId)
                .append(" AND u.search_visibility = 1");
        for (int i = 0; i < terms.size(); i++) {
            sql.append(" AND u.id IN (SELECT s.user_id FROM user_search_terms s WHERE ")
                    .append(prefix(terms.get(i)) ? "s.term LIKE ?" + (i + 1) + " ESCAPE '!'" : "s.term = ?" + (i + 1))
                    .append(")");
        }
        sql.append(" AND ").append(UserLists.notBlocked("u.id", viewerId))
                .append(" ORDER BY u.follower_count DESC, u.post_count DESC, u.id DESC LIMIT ").append(page.size())
                .append(" OFFSET ").append(page.skip());
        var select = em.createNativeQuery(sql.toString());
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            select.setParameter(i + 1, prefix(term) ? SqlLists.likeLiteral(term) + "%" : term);
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = select.getResultList();
        return lists.items(viewerId, ids.stream().map(id -> new UserLists.Row(0, ((Number) id).longValue())).toList(),
                UserLists.Style.SEARCH);
    }

    private static boolean prefix(String term) {
        return term.codePointCount(0, term.length()) >= PREFIX_FROM;
    }
}
