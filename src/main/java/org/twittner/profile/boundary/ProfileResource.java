package org.twittner.profile.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.regex.Pattern;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Envelope;
import org.twittner.profile.control.ProfileView;
import org.twittner.profile.control.Profiles;

/** profile. */
@ApplicationScoped
@Path("/")
public class ProfileResource {

    private static final Pattern USERNAME = Pattern.compile("\\w+");

    @Inject
    ApiRequest call;

    @Inject
    Profiles profiles;

    /** By {@code username} or, failing that, by {@code user_id}: the reference lets a well-formed username win. */
    @POST
    @Path("profile")
    public Envelope profile() {
        String username = call.params().get("username");
        String name = username == null ? "" : username.strip();
        ProfileView profile = USERNAME.matcher(name).matches()
                ? profiles.byUsername(name, call.caller())
                : profiles.byId(call.params().positiveId("user_id", "User ID is missing or invalid"), call.caller());
        return Envelope.ok("Profile fetched successfully", profile);
    }
}
