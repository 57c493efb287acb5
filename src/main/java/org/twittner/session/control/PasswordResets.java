package org.twittner.session.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.ApiException;
import org.twittner.platform.Mailer;
import org.twittner.platform.RateLimits;
import org.twittner.platform.TwittnerConfig;
import org.twittner.user.entity.User;

/**
 * resetpassword and the reset page behind its link. The link carries a one-time token (only
 * its hash is stored) valid for {@value #LINK_SECONDS} s; a new request replaces it. The mail is
 * sent after the token's transaction has committed, never inside one. Setting the password ends
 * every session of the account and spends the token.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordResets {

    static final long LINK_SECONDS = 3600;
    public static final String LINK_GONE = "This link has expired or was already used. Please ask for a new one in the app";
    static final String SUBJECT = "Reset your Twittner password";
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @Inject
    AccountStore accounts;

    @Inject
    ResetLinks links;

    @Inject
    Mailer mailer;

    @Inject
    RateLimits limits;

    @Inject
    TwittnerConfig config;

    /** Sends the reset link to the account of {@code email}. */
    public void request(String email, String ip) {
        String address = email == null ? "" : email.strip();
        if (address.length() < 8 || !SignupForm.isEmail(address)) {
            throw new ApiException(411, "Email address is not valid");
        }
        limits.attempt("resetpassword", ip, address);
        Optional<User> user = accounts.byEmail(address);
        if (user.isEmpty()) {
            throw new ApiException(411, "Email address is unknown");
        }
        if (!mailer.configured()) {
            throw new ApiException(500, "Password reset by e-mail is not set up on this server. Please contact its administrator");
        }
        String token = links.replace(user.get().getId(), LINK_SECONDS);
        String link = config.siteUrl() + "/reset-password.html#token=" + token;
        try {
            mailer.send(user.get().getEmail(), SUBJECT, text(user.get(), link));
        } catch (MessagingException | RuntimeException failed) {
            LOG.log(Level.WARNING, "the password reset mail could not be sent: {0}", String.valueOf(failed));
            throw new ApiException(500, "An error occurred while processing your request. Please try again later");
        }
    }

    /** The reset page's request: a new password for the account of the link's token. */
    public void complete(String token, String password, String repeat) {
        String hash = token == null || token.isBlank() || token.length() > 100 ? null : Tokens.hash(token.strip());
        if (hash == null || links.accountOf(hash).isEmpty()) {
            throw new ApiException(400, LINK_GONE);
        }
        if (password == null || !password.equals(repeat)) {
            throw new ApiException(400, "The two passwords are not the same");
        }
        if (!SignupForm.isPassword(password)) {
            throw new ApiException(400, "The password must be 6 to 20 characters long");
        }
        // bcrypt outside the transaction; the token is checked again, locked, inside it
        links.spend(hash, Passwords.hash(password, config.bcryptCost()));
    }

    private static String text(User user, String link) {
        return "Hello " + user.getFirstName() + ",\n\n"
                + "someone (we hope you) asked to reset the password of your Twittner account @" + user.getUsername() + ".\n"
                + "Open this link within an hour to choose a new password:\n\n"
                + link + "\n\n"
                + "The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.\n";
    }
}
