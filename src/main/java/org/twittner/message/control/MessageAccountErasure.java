package org.twittner.message.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.user.control.AccountErasure;

/**
 * A deleted account's conversations go for both sides, as the reference does (the other person
 * cannot answer anyone): the rows with the user's row (foreign keys), their images after the commit.
 */
@Stateless
public class MessageAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Override
    public void eraseAccount(long userId) {
        @SuppressWarnings("unchecked")
        List<String> images = em.createNativeQuery("SELECT media_file FROM messages WHERE (sender_id = ?1 OR recipient_id = ?1)"
                        + " AND media_file <> ''")
                .setParameter(1, userId).getResultList();
        files.removing(images);
    }
}
