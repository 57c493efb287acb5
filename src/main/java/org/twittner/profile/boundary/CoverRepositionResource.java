package org.twittner.profile.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.profile.control.ProfileImages;

/** cover_reposition: no file, so a plain JAX-RS endpoint. */
@ApplicationScoped
@Path("/")
public class CoverRepositionResource {

    @Inject
    ApiRequest call;

    @Inject
    ProfileImages images;

    @POST
    @Path("cover_reposition")
    public Envelope coverReposition() throws IOException {
        Caller caller = call.requireCaller();
        double position = call.params().number("cover_position", "Cover position offset number is missing or invalid");
        return Envelope.ok("Your changes have been successfully saved",
                new CoverChanged(images.repositionCover(caller.userId(), topOffset(position))));
    }

    /** The offset in whole pixels; fractions are cut off, the clamping is the window's. */
    static long topOffset(double position) {
        return (long) Math.max(-1e9, Math.min(1e9, position));
    }
}
