package org.twittner.user.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Row locks on users, the one lock order every write between users follows: lowest id first.
 * A toggle locks its caller's row first, so that the same tap arriving twice at once runs once
 * after the other and ends in a defined state; a write that changes two users' counters
 * (follow, accept, block) locks both rows, in id order, so that A following B while B follows
 * A never waits in a circle.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class UserLocks {

    @PersistenceContext
    EntityManager em;

    /** Locks the rows of those of {@code userIds} that exist, lowest id first; returns their ids. */
    public Set<Long> lock(long... userIds) {
        Set<Long> ids = new TreeSet<>();
        for (long id : userIds) {
            ids.add(id);
        }
        Set<Long> found = new HashSet<>();
        // one row per statement: the order of the locks is then the order of the statements,
        // whatever plan the database picks for an IN list
        for (long id : ids) {
            @SuppressWarnings("unchecked")
            List<Object> row = em.createNativeQuery("SELECT id FROM users WHERE id = ?1 FOR UPDATE")
                    .setParameter(1, id).getResultList();
            if (!row.isEmpty()) {
                found.add(id);
            }
        }
        return found;
    }
}
