package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.session.control.AccountStore;
import org.twittner.session.control.Passwords;
import org.twittner.user.entity.User;

/**
 * delete_account: the password proves it is the owner (bcrypt, outside any transaction), then
 * {@link AccountRemoval} deletes everything in one transaction, again from the start if the
 * database picks it as a deadlock victim (it changes counters of many other rows).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountDeletion {

    @Inject
    AccountStore accounts;

    @Inject
    AccountRemoval removal;

    public void delete(Caller caller, String password) {
        User user = accounts.byId(caller.userId()).orElseThrow(ApiException::unauthorized);
        if (password == null || password.isEmpty() || password.length() > 200
                || Passwords.check(password, user.getPasswordHash()) == Passwords.Match.NONE) {
            throw new ApiException(400, "Account password is missing or invalid");
        }
        Deadlocks.retry(() -> removal.remove(caller.userId()));
    }
}
