package org.twittner.session.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Clock;
import org.twittner.platform.RateLimits;
import org.twittner.platform.TwittnerConfig;
import org.twittner.user.control.UserViews;
import org.twittner.user.entity.User;

/**
 * Sign-up and login. bcrypt takes tens of milliseconds by design, so it runs outside any
 * transaction; the database work goes through {@link AccountStore} and {@link Sessions}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Accounts {

    private static final int LOGIN_EMAIL_MAX = 55;
    private static final int LOGIN_PASSWORD_MAX = 20;

    @Inject
    AccountStore accounts;

    @Inject
    Sessions sessions;

    @Inject
    UserViews views;

    @Inject
    Clock clock;

    @Inject
    TwittnerConfig config;

    @Inject
    RateLimits limits;

    @Inject
    IdentityProviders providers;

    public SignedIn login(String email, String password, String deviceType, String ip) {
        String platform = platform(deviceType);
        limits.attempt("login", ip, email);
        if (email == null || email.isBlank() || email.length() > LOGIN_EMAIL_MAX || password == null
                || password.isEmpty() || SignupForm.characters(password) > LOGIN_PASSWORD_MAX) {
            throw incorrectCredentials();
        }
        Optional<User> found = accounts.byEmail(email);
        if (found.isEmpty()) {
            Passwords.checkNothing(password, config.bcryptCost());
            throw incorrectCredentials();
        }
        User user = found.get();
        Passwords.Match match = Passwords.check(password, user.getPasswordHash());
        if (match == Passwords.Match.NONE) {
            throw incorrectCredentials();
        }
        if (user.getStatus() != User.ACTIVE) {
            throw new ApiException(402, "Account disabled or inactive");
        }
        // only our own hashes are upgraded, with the exact password; an imported hash stays, so
        // that every spelling ColibriSM accepted keeps working
        String hash = user.getPasswordHash();
        if (match == Passwords.Match.EXACT && !Passwords.isImported(hash) && Passwords.cost(hash) < config.bcryptCost()) {
            accounts.replacePasswordHash(user.getId(), Passwords.hash(password, config.bcryptCost()));
        }
        IssuedTokens tokens = sessions.open(user.getId(), platform, ip);
        user.markActive(clock.unixSeconds(), ip); // our detached copy, to show what open() stored
        return new SignedIn(views.signedInUser(user), tokens);
    }

    /** Registers an account and signs it in on this device (the docs return {@code auth}). */
    public IssuedTokens signup(SignupForm form, String deviceType, String ip) {
        limits.attempt("signup", ip, form.email());
        form.checkNames();
        form.checkUsername();
        if (accounts.usernameTaken(form.username())) {
            throw usernameTaken();
        }
        form.checkEmail();
        if (accounts.emailTaken(form.email())) {
            throw emailTaken();
        }
        form.checkPassword();
        String platform = platform(deviceType);
        String hash = Passwords.hash(form.password(), config.bcryptCost());
        User user = new User(form.username(), form.email(), hash, form.firstName(), form.lastName(), clock.unixSeconds());
        long userId;
        try {
            userId = accounts.create(user);
        } catch (RuntimeException refused) {
            // a concurrent sign-up may have taken the name or address since the checks above
            if (accounts.usernameTaken(form.username())) {
                throw usernameTaken();
            }
            if (accounts.emailTaken(form.email())) {
                throw emailTaken();
            }
            throw refused;
        }
        return sessions.open(userId, platform, ip);
    }

    /**
     * oauth: signs in with a Google or Facebook access token, which the provider checks. The
     * account is the one of the provider's verified e-mail address, or a new one (username
     * {@code go_<id>} / {@code fb_<id>}; without a verified address a placeholder one on the
     * provider's domain, so that the same identity finds the same account again). Other
     * devices stay signed in.
     */
    public SignedIn oauth(String type, String accessToken, String deviceType, String ip) {
        String provider = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!provider.equals("google") && !provider.equals("facebook")) {
            throw new ApiException(400, "oAuth provider type is missing or invalid");
        }
        limits.attempt("oauth", ip, null);
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 4096) {
            throw new IdentityProviders.ProviderRefused(IdentityProviders.ProviderRefused.INVALID);
        }
        IdentityProviders.Identity identity = providers.lookUp(provider, accessToken.strip());
        OAuthAccount account = OAuthAccount.of(identity);
        limits.attempt("oauth", ip, account.email(), false);
        User user = accounts.byEmail(account.email()).orElse(null);
        if (user == null) {
            String hash = Passwords.hash(Tokens.newToken(), config.bcryptCost()); // no password: reset by e-mail sets one
            user = createOAuthAccount(account, hash);
        }
        if (user.getStatus() != User.ACTIVE) {
            throw new ApiException(402, "Account disabled or inactive");
        }
        String platform = deviceType != null && deviceType.strip().equalsIgnoreCase("ios") ? "mobile_ios" : "mobile_android";
        IssuedTokens tokens = sessions.open(user.getId(), platform, ip);
        user.markActive(clock.unixSeconds(), ip);
        return new SignedIn(views.signedInUser(user), tokens);
    }

    private User createOAuthAccount(OAuthAccount account, String hash) {
        for (String username : account.usernames()) {
            if (accounts.usernameTaken(username)) {
                continue;
            }
            try {
                accounts.create(new User(username, account.email(), hash, account.firstName(), account.lastName(),
                        clock.unixSeconds()));
            } catch (RuntimeException refused) {
                // the same identity signing in twice at once: the other call created it
            }
            Optional<User> created = accounts.byEmail(account.email());
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new ApiException(500, "An error occurred while processing your request. Please try again later");
    }

    /**
     * change_password: the current password proves it is the owner; the new one follows the
     * sign-up rules. Every other device must sign in again; the caller's session stays.
     */
    public void changePassword(Caller caller, String oldPassword, String newPassword) {
        if (!SignupForm.isPassword(oldPassword)) {
            throw incorrectOldPassword();
        }
        if (!SignupForm.isPassword(newPassword)) {
            throw new ApiException(402, "Incorrect new password value");
        }
        User user = accounts.byId(caller.userId()).orElseThrow(ApiException::unauthorized);
        if (Passwords.check(oldPassword, user.getPasswordHash()) == Passwords.Match.NONE) {
            throw incorrectOldPassword();
        }
        accounts.changePassword(caller, Passwords.hash(newPassword, config.bcryptCost()));
    }

    /** {@code device_type}: ios or android, android when absent. */
    static String platform(String deviceType) {
        if (deviceType == null || deviceType.isBlank()) {
            return "mobile_android";
        }
        String type = deviceType.strip().toLowerCase(Locale.ROOT);
        if (!type.equals("android") && !type.equals("ios")) {
            throw new ApiException(402, "Incorrect device type");
        }
        return "mobile_" + type;
    }

    private static ApiException incorrectOldPassword() {
        return new ApiException(402, "Incorrect old password value");
    }

    private static ApiException incorrectCredentials() {
        return new ApiException(402, "Incorrect Credentials");
    }

    private static ApiException usernameTaken() {
        return new ApiException(410, "This username is already taken");
    }

    private static ApiException emailTaken() {
        return new ApiException(409, "Email ID already registered");
    }
}
