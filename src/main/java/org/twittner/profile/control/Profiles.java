package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.social.control.Relationship;
import org.twittner.social.control.Relationships;
import org.twittner.user.entity.User;

/** Reads profiles, as a guest or as a signed-in caller. */
@Stateless
public class Profiles {

    @PersistenceContext
    EntityManager em;

    @Inject
    Relationships relationships;

    @Inject
    MediaUrls media;

    public ProfileView byUsername(String username, Optional<Caller> caller) {
        User user = em.createNamedQuery(User.BY_USERNAME_KEY, User.class)
                .setParameter("key", User.usernameKey(username))
                .getResultStream().findFirst().orElseThrow(Profiles::notFound);
        return view(user, caller);
    }

    public ProfileView byId(long userId, Optional<Caller> caller) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw notFound();
        }
        return view(user, caller);
    }

    private ProfileView view(User user, Optional<Caller> caller) {
        long viewerId = caller.map(Caller::userId).orElse(0L);
        boolean self = viewerId == user.getId();
        Relationship relation = relationships.between(viewerId, user.getId());
        return ProfileView.of(user, media, self, relation, canView(user, self, relation));
    }

    /**
     * Who may see a profile's posts and connections: the owner; nobody the owner blocked;
     * everyone for a public profile, accepted followers for a followers-only one.
     */
    static boolean canView(User owner, boolean self, Relationship relation) {
        if (self) {
            return true;
        }
        if (relation.isBlockedVisitor()) {
            return false;
        }
        return switch (owner.getProfilePrivacy()) {
            case "everyone" -> true;
            case "followers" -> relation.isFollowing();
            default -> false;
        };
    }

    private static ApiException notFound() {
        return new ApiException(404, "Profile with this ID does not exist");
    }
}
