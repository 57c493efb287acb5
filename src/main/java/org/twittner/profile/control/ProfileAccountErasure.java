package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.user.control.AccountErasure;
import org.twittner.user.entity.User;

/** A deleted account's avatar, cover and kept cover original go after the commit. */
@Stateless
public class ProfileAccountErasure implements AccountErasure {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits files;

    @Override
    public void eraseAccount(long userId) {
        User user = em.find(User.class, userId);
        if (user != null) {
            files.removing(List.of(user.getAvatar(), user.getCover(), user.getCoverOrig()));
        }
    }
}
