package org.twittner.session.boundary;

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
import org.twittner.session.control.Sessions;
import org.twittner.session.control.SignedIn;
import org.twittner.session.control.SignupForm;

/** signup, login, refresh_access_token, logout. */
@Path("/")
public class SessionResource {

    @Inject
    ApiRequest call;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

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

    /** login and signup are for guests (reference behaviour). */
    private void refuseSignedIn() {
        if (call.caller().isPresent()) {
            throw new ApiException(400, "You are already logged in");
        }
    }
}
