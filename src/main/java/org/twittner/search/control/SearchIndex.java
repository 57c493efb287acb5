package org.twittner.search.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.twittner.platform.SearchText;
import org.twittner.platform.SqlLists;
import org.twittner.post.control.PostPublished;
import org.twittner.social.control.FollowerCountChanged;
import org.twittner.user.control.UserSearchEntryChanged;

/**
 * Keeps the search terms (V10) in step with what they index, in the transaction that changes
 * it: a published top-level post; an account's names, search visibility (a hidden account has
 * no terms) and follower count (people are ranked by it). Deletes need nothing here: the terms go
 * with their post or account (ON DELETE CASCADE).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SearchIndex {

    /** Rows per INSERT statement. */
    private static final int ROWS_PER_INSERT = 200;
    /** Accounts whose ranking copy is refreshed per statement (a deleted account's followings). */
    private static final int USERS_PER_UPDATE = 500;

    @PersistenceContext
    EntityManager em;

    public void postPublished(@Observes PostPublished post) {
        if (post.parentId() != 0) {
            return; // replies are not searched (as in the reference)
        }
        String text = (String) em.createNativeQuery("SELECT text FROM posts WHERE id = ?1")
                .setParameter(1, post.postId()).getSingleResult();
        insert("post_search_terms", "post_id", post.postId(), SearchText.terms(text));
    }

    /** An account's names or search visibility changed: its terms are made anew from its row. */
    public void searchEntryChanged(@Observes UserSearchEntryChanged changed) {
        em.createNativeQuery("DELETE FROM user_search_terms WHERE user_id = ?1").setParameter(1, changed.userId())
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> row = em.createNativeQuery("SELECT username, first_name, last_name FROM users"
                + " WHERE id = ?1 AND search_visibility = 1").setParameter(1, changed.userId()).getResultList();
        if (!row.isEmpty()) {
            Object[] user = row.get(0);
            insert("user_search_terms", "user_id", changed.userId(),
                    SearchText.nameKeys((String) user[0], (String) user[1], (String) user[2]));
            copyFollowerCount(changed.userId());
        }
    }

    public void followerCountChanged(@Observes FollowerCountChanged changed) {
        List<Long> ids = changed.userIds();
        if (ids.size() == 1) {
            copyFollowerCount(ids.get(0));
            return;
        }
        for (int from = 0; from < ids.size(); from += USERS_PER_UPDATE) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + USERS_PER_UPDATE));
            Query update = em.createNativeQuery("UPDATE user_search_terms SET followers = (SELECT follower_count FROM users"
                    + " WHERE users.id = user_search_terms.user_id) WHERE user_id IN ("
                    + SqlLists.placeholders(batch.size(), 1) + ")");
            for (int i = 0; i < batch.size(); i++) {
                update.setParameter(i + 1, batch.get(i));
            }
            update.executeUpdate();
        }
    }

    /** The ranking's copy of the follower count follows the counter, under the same row lock. */
    private void copyFollowerCount(long userId) {
        em.createNativeQuery("UPDATE user_search_terms SET followers = (SELECT follower_count FROM users WHERE id = ?1)"
                + " WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
    }

    /**
     * Adds (term, id) rows. Two terms the database's collation takes as one (utf8mb4_unicode_ci:
     * "ß" and "ss") are one row: the duplicate is skipped.
     */
    private void insert(String table, String idColumn, long id, Set<String> terms) {
        List<String> all = new ArrayList<>(terms);
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (term, ").append(idColumn)
                    .append(") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1)");
            }
            sql.append(" ON DUPLICATE KEY UPDATE term = term");
            var insert = em.createNativeQuery(sql.toString()).setParameter(1, id);
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(i + 2, chunk.get(i));
            }
            insert.executeUpdate();
        }
    }
}
