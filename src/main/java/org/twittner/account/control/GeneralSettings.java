package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Clock;
import org.twittner.user.control.UserSearchEntryChanged;
import org.twittner.user.entity.User;

/**
 * gen_settings: every field written together, after every check. Uniqueness is checked in the
 * contract's order and then enforced by the unique indexes: a name or address taken by a
 * concurrent call makes the flush fail, and the answer is the same "already taken".
 */
@Stateless
public class GeneralSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<UserSearchEntryChanged> searchEntryChanged;

    public GeneralSettingsView update(Caller caller, GeneralSettingsForm form) {
        form.checkNamesAboutEmail();
        if (takenByAnother(User.COUNT_EMAIL_KEY_OTHER, User.emailKey(form.email()), caller.userId())) {
            throw emailTaken();
        }
        int country = form.checkGenderWebsiteCountryUsername();
        if (takenByAnother(User.COUNT_USERNAME_KEY_OTHER, User.usernameKey(form.username()), caller.userId())) {
            throw usernameTaken();
        }
        User user = em.find(User.class, caller.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.unauthorized();
        }
        boolean newUsername = !User.usernameKey(form.username()).equals(User.usernameKey(user.getUsername()));
        user.setGeneral(form.firstName(), form.lastName(), form.about(), form.gender(), form.email(), form.username(),
                form.website(), country);
        try {
            em.flush();
        } catch (PersistenceException duplicate) {
            // lost a race for the name or address to a concurrent call: the transaction rolls back with the answer
            throw newUsername ? usernameTaken() : emailTaken();
        }
        searchEntryChanged.fire(new UserSearchEntryChanged(user.getId()));
        return GeneralSettingsView.of(user, clock.unixSeconds());
    }

    private boolean takenByAnother(String query, String key, long userId) {
        return em.createNamedQuery(query, Long.class).setParameter("key", key).setParameter("id", userId)
                .getSingleResult() > 0;
    }

    private static ApiException emailTaken() {
        return GeneralSettingsForm.bad("This email address is already taken");
    }

    private static ApiException usernameTaken() {
        return GeneralSettingsForm.bad("This username is already taken, please select another");
    }
}
