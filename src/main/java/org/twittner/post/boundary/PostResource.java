package org.twittner.post.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.twittner.media.boundary.ImageOrVideoUploadServlet;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;
import org.twittner.platform.PageRules;
import org.twittner.post.control.Drafts;
import org.twittner.post.control.PostCards;
import org.twittner.post.control.Posts;
import org.twittner.post.control.Publishing;
import org.twittner.post.control.Threads;
import org.twittner.post.entity.ReplyPrivacy;

/** publish_post, delete_post_media, change_post_privacy, delete_post, pin_post, thread_data, thread_replys. */
@ApplicationScoped
@Path("/")
public class PostResource {

    /** thread_data's first replies, and thread_replys' pages (the reference: 30, then 15). */
    static final PageRules REPLIES = new PageRules(20, 50, 404, "No data found");

    @Inject
    ApiRequest call;

    @Inject
    Publishing publishing;

    @Inject
    PostCards cards;

    @Inject
    Drafts drafts;

    @Inject
    Posts posts;

    @Inject
    Threads threads;

    @POST
    @Path("publish_post")
    public Envelope publishPost() {
        Caller caller = call.requireCaller();
        var form = PublishForm.read(call.params());
        Publishing.Published published = Deadlocks.retry(() -> publishing.publish(caller.userId(), form));
        return Envelope.ok("Post published successfully", cards.one(caller.userId(), published.postId(), published.createdAt()))
                .with(published.reply() ? "replys_total" : "posts_total", published.total());
    }

    @POST
    @Path("delete_post_media")
    public Envelope deletePostMedia() {
        Caller caller = call.requireCaller();
        String type = ImageOrVideoUploadServlet.mediaType(call.params());
        long mediaId = type.equals("video") ? 0 : call.params().positiveId("media_id", Drafts.BAD_MEDIA_ID);
        drafts.delete(caller.userId(), type, mediaId);
        return Envelope.ok("Media deleted successfully", null);
    }

    @POST
    @Path("change_post_privacy")
    public Envelope changePostPrivacy() {
        Caller caller = call.requireCaller();
        long postId = call.params().positiveId("post_id", Posts.BAD_POST_ID);
        String sent = call.params().get("privacy");
        ReplyPrivacy privacy = sent == null || sent.isBlank() ? ReplyPrivacy.EVERYONE
                : ReplyPrivacy.parse(sent).orElseThrow(() -> new ApiException(400, Posts.BAD_POST_ID));
        posts.changeReplyPrivacy(caller.userId(), postId, privacy);
        return Envelope.ok("Post privacy changed successfully", null);
    }

    @POST
    @Path("delete_post")
    public Envelope deletePost() {
        Caller caller = call.requireCaller();
        long postId = call.params().positiveId("post_id", Posts.BAD_DELETE_ID);
        Deadlocks.retry(() -> posts.delete(caller.userId(), postId));
        return Envelope.ok("Post deleted successfully", null);
    }

    /** An extension (ColibriSM's API has no pin): the same call on the pinned post unpins it. */
    @POST
    @Path("pin_post")
    public Envelope pinPost() {
        Caller caller = call.requireCaller();
        boolean pinned = posts.togglePin(caller.userId(), call.params().positiveId("post_id", Posts.BAD_POST_ID));
        return Envelope.ok(pinned ? "Post pinned to your profile" : "Post unpinned from your profile",
                Map.of("is_pinned", pinned));
    }

    @POST
    @Path("thread_data")
    public Envelope threadData() {
        Caller caller = call.requireCaller();
        long postId = call.params().positiveId("thread_id", Threads.BAD_THREAD);
        return Envelope.ok("Thread fetched successfully", threads.thread(caller.userId(), postId, REPLIES.defaultSize()));
    }

    @POST
    @Path("thread_replys")
    public Envelope threadReplys() {
        Caller caller = call.requireCaller();
        long postId = call.params().positiveId("thread_id", Threads.BAD_THREAD);
        call.params().positiveId("offset", "The paging offset ID is missing or invalid. Please check your details");
        var page = threads.replys(caller.userId(), postId, call.params().page(REPLIES));
        if (page.isEmpty()) {
            throw REPLIES.empty();
        }
        return Envelope.ok("Replies fetched successfully", page);
    }
}
