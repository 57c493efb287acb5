package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twittner.platform.ApiException;
import org.twittner.profile.entity.User;
import org.twittner.session.control.Caller;
import org.twittner.social.entity.Follow;

/** Reads profiles, as a guest or as a signed-in caller. */
@Stateless
public class ProfileService {

    private static final Pattern USERNAME = Pattern.compile("\\w+");
    private static final Pattern POSITIVE_ID = Pattern.compile("[1-9][0-9]{0,17}");

    @PersistenceContext
    EntityManager em;

    @Inject
    UserViews views;

    /**
     * The profile named by {@code username} or, failing that, by {@code user_id} (the reference
     * lets a well-formed username win).
     */
    public ProfileView profile(String userId, String username, Optional<Caller> caller) {
        User user = find(userId, username);
        long viewerId = caller.map(Caller::userId).orElse(0L);
        boolean self = viewerId == user.getId();
        Relationship relation = viewerId == 0 || self ? Relationship.NONE : relationship(viewerId, user.getId());
        return views.profile(user, self, relation, canView(user, self, relation));
    }

    private User find(String userId, String username) {
        if (username != null && USERNAME.matcher(username.strip()).matches()) {
            return em.createQuery("select u from User u where u.usernameKey = :key", User.class)
                    .setParameter("key", User.usernameKey(username.strip()))
                    .getResultStream().findFirst().orElseThrow(ProfileService::notFound);
        }
        if (userId == null || !POSITIVE_ID.matcher(userId.strip()).matches()) {
            throw new ApiException(400, "User ID is missing or invalid");
        }
        User user = em.find(User.class, Long.parseLong(userId.strip()));
        if (user == null) {
            throw notFound();
        }
        return user;
    }

    /** The three flags in one round trip (every signed-in profile view asks for them). */
    private Relationship relationship(long viewerId, long ownerId) {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT"
                        + " (SELECT COUNT(*) FROM blocks WHERE user_id = ?1 AND blocked_id = ?2),"
                        + " (SELECT COUNT(*) FROM blocks WHERE user_id = ?2 AND blocked_id = ?1),"
                        + " (SELECT COUNT(*) FROM follows WHERE follower_id = ?2 AND following_id = ?1 AND status = ?3)")
                .setParameter(1, ownerId)
                .setParameter(2, viewerId)
                .setParameter(3, Follow.ACTIVE)
                .getSingleResult();
        return new Relationship(positive(counts[0]), positive(counts[1]), positive(counts[2]));
    }

    private static boolean positive(Object count) {
        return ((Number) count).longValue() > 0;
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
