package org.twittner.session.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;
import org.twittner.session.control.AccountService;
import org.twittner.session.control.Caller;
import org.twittner.session.control.IssuedTokens;
import org.twittner.session.control.SessionService;
import org.twittner.session.control.SignedIn;
import org.twittner.session.control.SignupForm;

/** signup, login, refresh_access_token, logout. */
@Path("/")
public class SessionResource {

    @EJB
    AccountService accounts;

    @EJB
    SessionService sessions;

    @POST
    @Path("login")
    public Envelope login(@Context HttpServletRequest http) {
        RequestParams params = RequestParams.of(http);
        sessions.refuseSignedIn(params.sessionToken(), http.getRemoteAddr());
        SignedIn signedIn = accounts.login(params.get("email"), params.get("password"),
                params.get("device_type"), http.getRemoteAddr());
        return Envelope.ok("User logged in successfully", Map.of("user", signedIn.user()))
                .with("auth", signedIn.auth());
    }

    @POST
    @Path("signup")
    public Envelope signup(@Context HttpServletRequest http) {
        RequestParams params = RequestParams.of(http);
        sessions.refuseSignedIn(params.sessionToken(), http.getRemoteAddr());
        SignupForm form = new SignupForm(params.get("first_name"), params.get("last_name"),
                params.get("username"), params.get("email"), params.get("password"));
        IssuedTokens auth = accounts.signup(form, params.get("device_type"), http.getRemoteAddr());
        return Envelope.ok("User logged in successfully", Envelope.EMPTY).with("auth", auth);
    }

    @POST
    @Path("refresh_access_token")
    public Envelope refreshAccessToken(@Context HttpServletRequest http) {
        IssuedTokens tokens = sessions.refresh(RequestParams.of(http).get("refresh_token"));
        return Envelope.ok("Token refreshed Out successful", tokens);
    }

    @POST
    @Path("logout")
    public Envelope logout(@Context HttpServletRequest http) {
        Caller caller = sessions.requireCaller(RequestParams.of(http).sessionToken(), http.getRemoteAddr());
        sessions.end(caller);
        return Envelope.ok("Signout successful", Envelope.EMPTY);
    }
}
