package org.twittner.swift.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;
import org.twittner.swift.control.StoriesBar;
import org.twittner.swift.control.SwiftViews;
import org.twittner.swift.control.Swifts;

/** delete_swift_media, publish_swift, delete_swift, get_swifts, reg_swift_view (upload: {@link SwiftMediaServlet}). */
@ApplicationScoped
@Path("/")
public class SwiftResource {

    @Inject
    ApiRequest call;

    @Inject
    Swifts swifts;

    @Inject
    SwiftViews views;

    @Inject
    StoriesBar bar;

    @POST
    @Path("delete_swift_media")
    public Envelope deleteSwiftMedia() {
        Caller caller = call.requireCaller();
        Deadlocks.retry(() -> swifts.deleteDraft(caller.userId()));
        return Envelope.ok("Media deleted successfully", null);
    }

    @POST
    @Path("publish_swift")
    public Envelope publishSwift() {
        Caller caller = call.requireCaller();
        String text = call.params().get("swift_text");
        Deadlocks.retry(() -> swifts.publish(caller.userId(), text));
        return Envelope.ok("Swift published successfully", null);
    }

    @POST
    @Path("delete_swift")
    public Envelope deleteSwift() {
        Caller caller = call.requireCaller();
        String swid = Swifts.checkedSwid(call.params().get("swid"));
        Deadlocks.retry(() -> swifts.delete(caller.userId(), swid));
        return Envelope.ok("Swift successfully deleted", null);
    }

    @POST
    @Path("get_swifts")
    public Envelope getSwifts() {
        Caller caller = call.requireCaller();
        List<StoriesBar.Entry> entries = bar.of(caller.userId());
        if (entries.isEmpty()) {
            throw new ApiException(404, "No swifts available yet");
        }
        return Envelope.ok("Swifts fetched successfully", entries);
    }

    @POST
    @Path("reg_swift_view")
    public Envelope regSwiftView() {
        Caller caller = call.requireCaller();
        long author = call.params().positiveId("user_id", SwiftViews.BAD_USER);
        // the Java app sends the swift id as "username" (its bug): read it there when swid is absent
        String given = call.params().get("swid");
        String swid = Swifts.checkedSwid(given == null || given.isBlank() ? call.params().get("username") : given);
        Deadlocks.retry(() -> views.register(caller.userId(), author, swid));
        return Envelope.ok("Swift view registered successfully", null);
    }
}
