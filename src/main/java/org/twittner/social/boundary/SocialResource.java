package org.twittner.social.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;
import org.twittner.platform.PageRules;
import org.twittner.platform.ReportForm;
import org.twittner.social.control.Blocks;
import org.twittner.social.control.Follows;
import org.twittner.social.control.ProfileReports;
import org.twittner.social.control.UserListItem;
import org.twittner.social.control.UserLists;

/** follow, fetch_followers, fetch_following, follow_requests, accept_follow, ignore_follow, block_user, profile_report. */
@ApplicationScoped
@Path("/")
public class SocialResource {

    static final PageRules LISTS = new PageRules(20, 50, 204, "No data found");

    @Inject
    ApiRequest call;

    @Inject
    Follows follows;

    @Inject
    Blocks blocks;

    @Inject
    UserLists lists;

    @Inject
    ProfileReports reports;

    @POST
    @Path("follow")
    public Envelope follow() {
        Caller caller = call.requireCaller();
        long target = call.params().positiveId("user_id", Follows.BAD_USER);
        return switch (Deadlocks.retry(() -> follows.toggle(caller.userId(), target))) {
            case FOLLOWED -> Envelope.ok("Subscribed successfully", Map.of("follow", true));
            case UNFOLLOWED -> Envelope.ok("Subscription canceled successfully", Map.of("follow", false));
            case REQUESTED -> Envelope.of(201, "Subscription request sent successfully", Map.of("follow", false));
            case REQUEST_CANCELED -> Envelope.ok("Subscription request canceled successfully", Map.of("follow", false));
        };
    }

    @POST
    @Path("fetch_followers")
    public Envelope fetchFollowers() {
        long owner = call.params().positiveId("user_id", UserLists.BAD_USER);
        return page("Followers fetched successfully", lists.followers(viewer(), owner, call.params().page(LISTS)));
    }

    @POST
    @Path("fetch_following")
    public Envelope fetchFollowing() {
        long owner = call.params().positiveId("user_id", UserLists.BAD_USER);
        return page("Following fetched successfully", lists.following(viewer(), owner, call.params().page(LISTS)));
    }

    @POST
    @Path("follow_requests")
    public Envelope followRequests() {
        Caller caller = call.requireCaller();
        // "requiests": the documented message, typo included
        return page("Follow requiests fetched successfully", lists.requests(caller.userId(), call.params().page(LISTS)));
    }

    @POST
    @Path("accept_follow")
    public Envelope acceptFollow() {
        Caller caller = call.requireCaller();
        long request = call.params().positiveId("req_id", Follows.BAD_REQUEST);
        long pending = Deadlocks.retry(() -> follows.accept(caller.userId(), request));
        return Envelope.ok("Subscription request successfully accepted", Map.of("total", pending));
    }

    @POST
    @Path("ignore_follow")
    public Envelope ignoreFollow() {
        Caller caller = call.requireCaller();
        long request = call.params().positiveId("req_id", Follows.BAD_REQUEST);
        long pending = Deadlocks.retry(() -> follows.ignore(caller.userId(), request));
        return Envelope.ok("Subscription request successfully deleted", Map.of("total", pending));
    }

    @POST
    @Path("block_user")
    public Envelope blockUser() {
        Caller caller = call.requireCaller();
        long target = call.params().positiveId("user_id", Follows.BAD_USER);
        boolean blocked = Deadlocks.retry(() -> blocks.toggle(caller.userId(), target));
        return Envelope.ok(blocked ? "User profile blocked successfully" : "User profile unblocked successfully", null);
    }

    @POST
    @Path("profile_report")
    public Envelope profileReport() {
        Caller caller = call.requireCaller();
        long reported = call.params().positiveId("user_id", ProfileReports.BAD_USER);
        ReportForm form = ReportForm.read(call.params());
        Deadlocks.retry(() -> reports.report(caller.userId(), reported, form));
        return Envelope.ok("Report sent successfully", null);
    }

    private long viewer() {
        return call.caller().map(Caller::userId).orElse(0L);
    }

    private static Envelope page(String message, List<UserListItem> items) {
        if (items.isEmpty()) {
            throw LISTS.empty();
        }
        return Envelope.ok(message, items);
    }
}
