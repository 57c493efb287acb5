package org.twittner.profile.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;
import org.twittner.profile.control.ProfileService;
import org.twittner.session.control.SessionService;

/** profile. */
@Path("/")
public class ProfileResource {

    @EJB
    ProfileService profiles;

    @EJB
    SessionService sessions;

    @POST
    @Path("profile")
    public Envelope profile(@Context HttpServletRequest http) {
        RequestParams params = RequestParams.of(http);
        return Envelope.ok("Profile fetched successfully", profiles.profile(params.get("user_id"),
                params.get("username"), sessions.resolve(params.sessionToken(), http.getRemoteAddr())));
    }
}
