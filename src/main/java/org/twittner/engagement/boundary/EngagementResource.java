package org.twittner.engagement.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.twittner.engagement.control.EngagementLists;
import org.twittner.engagement.control.PollVotes;
import org.twittner.engagement.control.PostReports;
import org.twittner.engagement.control.Reactions;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;
import org.twittner.platform.PageRules;
import org.twittner.platform.ReportForm;
import org.twittner.post.control.PostCard;
import org.twittner.post.control.PostCards;
import org.twittner.social.control.UserListItem;

/** like_post, fetch_likes, vote_polls, add_bookmark, get_bookmarks, publication_repost, publication_report. */
@ApplicationScoped
@Path("/")
public class EngagementResource {

    static final PageRules LIKES = new PageRules(20, 50, 404, "No data found");
    static final PageRules BOOKMARKS = new PageRules(20, 50, 204, "No data found");

    @Inject
    ApiRequest call;

    @Inject
    Reactions reactions;

    @Inject
    PollVotes votes;

    @Inject
    PostReports reports;

    @Inject
    EngagementLists lists;

    @Inject
    PostCards cards;

    @POST
    @Path("like_post")
    public Envelope likePost() {
        Caller caller = call.requireCaller();
        long post = postId();
        Reactions.Toggled like = Deadlocks.retry(() -> reactions.like(caller.userId(), post));
        return Envelope.ok("", Map.of("like", like.on())).with("post_likes", like.count());
    }

    @POST
    @Path("publication_repost")
    public Envelope publicationRepost() {
        Caller caller = call.requireCaller();
        long post = postId();
        Reactions.Toggled repost = Deadlocks.retry(() -> reactions.repost(caller.userId(), post));
        return Envelope.ok("", Map.of("repost", repost.on())).with("post_reposts", repost.count());
    }

    @POST
    @Path("add_bookmark")
    public Envelope addBookmark() {
        Caller caller = call.requireCaller();
        long post = postId();
        Reactions.Toggled bookmark = Deadlocks.retry(() -> reactions.bookmark(caller.userId(), post));
        return Envelope.ok("", Map.of("bookmark", bookmark.on()));
    }

    @POST
    @Path("vote_polls")
    public Envelope votePolls() {
        Caller caller = call.requireCaller();
        long post = postId();
        long option = call.params().index("poll_id", PollVotes.NOT_COUNTED);
        Deadlocks.retry(() -> votes.vote(caller.userId(), post, option));
        PostCard card = cards.one(caller.userId(), post);
        return Envelope.ok("Poll voted successfully", Map.of("poll_data", card.poll()));
    }

    @POST
    @Path("publication_report")
    public Envelope publicationReport() {
        Caller caller = call.requireCaller();
        long post = postId();
        ReportForm form = ReportForm.read(call.params());
        Deadlocks.retry(() -> reports.report(caller.userId(), post, form));
        return Envelope.ok("Report sent successfully", null);
    }

    @POST
    @Path("fetch_likes")
    public Envelope fetchLikes() {
        long post = postId();
        long viewer = call.caller().map(Caller::userId).orElse(0L);
        List<UserListItem> page = lists.likers(viewer, post, call.params().page(LIKES));
        if (page.isEmpty()) {
            throw LIKES.empty();
        }
        return Envelope.ok("Likes fetched successfully", page);
    }

    @POST
    @Path("get_bookmarks")
    public Envelope getBookmarks() {
        Caller caller = call.requireCaller();
        List<PostCard> page = lists.bookmarks(caller.userId(), call.params().page(BOOKMARKS));
        if (page.isEmpty()) {
            throw BOOKMARKS.empty();
        }
        return Envelope.ok("Bookmarks fetched successfully", page);
    }

    private long postId() {
        return call.params().positiveId("post_id", Reactions.BAD_POST);
    }
}
