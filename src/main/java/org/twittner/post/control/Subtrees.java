package org.twittner.post.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Posts with every reply below them, for what deletes them. */
final class Subtrees {

    private Subtrees() {
    }

    /**
     * The posts and all replies below them, locked level by level with locking reads: a reply is
     * only written after its parent's row is locked ({@link Publishing}), so none can slip in
     * under a post a delete has reached. The roots must be locked by the caller.
     */
    static List<Long> lock(EntityManager em, List<Long> roots) {
        Set<Long> all = new LinkedHashSet<>(roots);
        List<Long> level = List.copyOf(all);
        while (!level.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (List<Long> chunk : Chunks.of(level)) {
                @SuppressWarnings("unchecked")
                List<Object> children = em.createNativeQuery("SELECT id FROM posts WHERE thread_id IN ("
                        + PostCards.idList(chunk) + ") FOR UPDATE").getResultList();
                children.forEach(id -> {
                    if (all.add(PostCards.number(id))) {
                        next.add(PostCards.number(id));
                    }
                });
            }
            level = next;
        }
        return List.copyOf(all);
    }
}
