package org.twittner.feed.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twittner.feed.control.ProfileTabs;
import org.twittner.feed.control.Timelines;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.PageRules;
import org.twittner.post.control.PostCard;

/** feeds and profile_posts. */
@ApplicationScoped
@Path("/")
public class FeedResource {

    static final PageRules PAGES = new PageRules(20, 50, 204, "No data found");

    @Inject
    ApiRequest call;

    @Inject
    Timelines timelines;

    @Inject
    ProfileTabs tabs;

    @POST
    @Path("feeds")
    public Envelope feeds() {
        Caller caller = call.requireCaller();
        List<PostCard> page = timelines.home(caller.userId(), call.params().page(PAGES));
        if (page.isEmpty()) {
            throw PAGES.empty();
        }
        return Envelope.ok("Feeds fetched successfully", Map.of("feeds", page));
    }

    @POST
    @Path("profile_posts")
    public Envelope profilePosts() {
        long ownerId = call.params().positiveId("user_id", ProfileTabs.BAD_USER);
        long viewerId = call.caller().map(Caller::userId).orElse(0L);
        List<PostCard> page = tabs.tab(viewerId, ownerId, tab(call.params().get("type")), call.params().page(PAGES));
        if (page.isEmpty()) {
            throw PAGES.empty();
        }
        return Envelope.ok("Posts fetched successfully", Map.of("posts", page));
    }

    /** As the reference: anything but media and likes/liked is the posts tab. */
    static ProfileTabs.Tab tab(String type) {
        String name = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "media" -> ProfileTabs.Tab.MEDIA;
            case "likes", "liked" -> ProfileTabs.Tab.LIKED;
            default -> ProfileTabs.Tab.POSTS;
        };
    }
}
