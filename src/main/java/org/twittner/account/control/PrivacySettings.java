package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.twittner.platform.ApiException;
import org.twittner.user.control.ProfileVisibilityChanged;
import org.twittner.user.control.UserSearchEntryChanged;
import org.twittner.user.entity.User;

/**
 * get_priv_settings and set_priv_settings. The four settings are written together; a change of
 * profile visibility ({@link ProfileVisibilityChanged}) or of search visibility
 * ({@link UserSearchEntryChanged}) is announced in the same transaction, so what other components
 * keep about the author changes with it.
 */
@Stateless
public class PrivacySettings {

    static final Set<String> PROFILE = Set.of("everyone", "followers");
    static final Set<String> CONTACT = Set.of("everyone", "followed");
    static final Set<String> FOLLOW = Set.of("everyone", "approved");

    /** get_priv_settings' data; search_visibility is a boolean here but Y/N when set. */
    public record View(String profileVisibility, String contactPrivacy, String followPrivacy, Boolean searchVisibility) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ProfileVisibilityChanged> visibilityChanged;

    @Inject
    Event<UserSearchEntryChanged> searchEntryChanged;

    public View get(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        return new View(user.getProfilePrivacy(), user.getContactPrivacy(), user.getFollowPrivacy(), user.isSearchVisible());
    }

    public void set(long userId, String profile, String contact, String follow, String search) {
        String searchValue = value(search);
        if (!PROFILE.contains(value(profile)) || !CONTACT.contains(value(contact)) || !FOLLOW.contains(value(follow))
                || !(searchValue.equals("Y") || searchValue.equals("N"))) {
            throw new ApiException(400, "Invalid request data");
        }
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        boolean wasPublic = user.getProfilePrivacy().equals("everyone");
        boolean wasSearchable = user.isSearchVisible();
        user.setPrivacy(value(profile), value(contact), value(follow), searchValue.equals("Y"));
        boolean isPublic = value(profile).equals("everyone");
        em.flush();
        if (wasPublic != isPublic) {
            visibilityChanged.fire(new ProfileVisibilityChanged(userId, isPublic));
        }
        if (wasSearchable != user.isSearchVisible()) {
            searchEntryChanged.fire(new UserSearchEntryChanged(userId));
        }
    }

    private static String value(String sent) {
        return sent == null ? "" : sent.strip();
    }
}
