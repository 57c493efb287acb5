package org.twittner.media.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.util.regex.Pattern;
import org.twittner.media.control.ProfileImages;
import org.twittner.platform.ApiException;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;
import org.twittner.session.control.Caller;
import org.twittner.session.control.SessionService;

/** cover_reposition: no file, so a plain JAX-RS endpoint. */
@Path("/")
public class CoverRepositionResource {

    /** What PHP's is_numeric accepts: "10", "-3", "12.5", "1e2". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @EJB
    ProfileImages images;

    @EJB
    SessionService sessions;

    @POST
    @Path("cover_reposition")
    public Envelope coverReposition(@Context HttpServletRequest http) throws IOException {
        RequestParams params = RequestParams.of(http);
        Caller caller = sessions.requireCaller(params.sessionToken(), http.getRemoteAddr());
        long offset = topOffset(params.get("cover_position"));
        return Envelope.ok("Your changes have been successfully saved",
                new CoverChanged(images.repositionCover(caller.userId(), offset)));
    }

    /** The offset in whole pixels; fractions are cut off, the clamping is the window's. */
    static long topOffset(String value) {
        String text = value == null ? "" : value.strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new ApiException(400, "Cover position offset number is missing or invalid");
        }
        double number = Double.parseDouble(text);
        return (long) Math.max(-1e9, Math.min(1e9, number));
    }
}
