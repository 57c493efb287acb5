package org.twittner.session.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;
import org.twittner.session.control.Accounts;
import org.twittner.session.control.IssuedTokens;
import org.twittner.session.control.PasswordResets;
import org.twittner.session.control.PushTokens;
import org.twittner.session.control.Sessions;
import org.twittner.session.control.SignedIn;
import org.twittner.session.control.SignupForm;

/**
 * signup, login, oauth, refresh_access_token, logout, change_password, resetpassword (and
 * complete_password_reset, what the reset page calls), save_pnotif_token.
 */
@ApplicationScoped
@Path("/")
public class SessionResource {

    @Inject
    ApiRequest call;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    PasswordResets resets;

    @Inject
    PushTokens pushTokens;

    @POST
    @Path("login")
    public Envelope login() {
        refuseSignedIn();
        RequestParams params = call.params();
        SignedIn signedIn = accounts.login(params.get("email"), params.get("password"),
                params.get("device_type"), call.clientAddress());
        return Envelope.ok("User logged in successfully", Map.of("user", signedIn.user()))
                .with("auth", signedIn.auth());
    }

    @POST
    @Path("signup")
    public Envelope signup() {
        refuseSignedIn();
        RequestParams params = call.params();
        SignupForm form = new SignupForm(params.get("first_name"), params.get("last_name"),
                params.get("username"), params.get("email"), params.get("password"));
        IssuedTokens auth = accounts.signup(form, params.get("device_type"), call.clientAddress());
        return Envelope.ok("User logged in successfully", Envelope.EMPTY).with("auth", auth);
    }

    @POST
    @Path("refresh_access_token")
    public Envelope refreshAccessToken() {
        return Envelope.ok("Token refreshed Out successful", sessions.refresh(call.params().get("refresh_token")));
    }

    @POST
    @Path("logout")
    public Envelope logout() {
        sessions.end(call.requireCaller());
        return Envelope.ok("Signout successful", Envelope.EMPTY);
    }

    @POST
    @Path("oauth")
    public Envelope oauth() {
        RequestParams params = call.params();
        SignedIn signedIn = accounts.oauth(params.get("type"), params.get("access_token"), params.get("device_type"),
                call.clientAddress());
        return Envelope.ok("User logged in successfully", Map.of("user", signedIn.user()))
                .with("auth", signedIn.auth());
    }

    @POST
    @Path("change_password")
    public Envelope changePassword() {
        RequestParams params = call.params();
        accounts.changePassword(call.requireCaller(), params.get("old_password"), params.get("new_password"));
        return Envelope.ok("Password changed", Envelope.EMPTY);
    }

    @POST
    @Path("resetpassword")
    public Envelope resetPassword() {
        resets.request(call.params().get("email"), call.clientAddress());
        return Envelope.ok("Check your email for resetting your password", Envelope.EMPTY);
    }

    /** Called by the reset page (webapp/reset-password.html), not by the apps. */
    @POST
    @Path("complete_password_reset")
    public Envelope completePasswordReset() {
        RequestParams params = call.params();
        resets.complete(params.get("token"), params.get("password"), params.get("password_repeat"));
        return Envelope.ok("Your password has been changed. You can now log in with it", Envelope.EMPTY);
    }

    @POST
    @Path("save_pnotif_token")
    public Envelope savePushToken() {
        RequestParams params = call.params();
        pushTokens.save(call.requireCaller(), params.get("token"), params.get("type"));
        return Envelope.ok("Notification token saved", Envelope.EMPTY);
    }

    /** login and signup are for guests (reference behaviour). */
    private void refuseSignedIn() {
        if (call.caller().isPresent()) {
            throw new ApiException(400, "You are already logged in");
        }
    }
}
