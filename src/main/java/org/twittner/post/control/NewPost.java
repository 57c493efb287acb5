package org.twittner.post.control;

import java.util.List;
import java.util.Map;
import org.twittner.post.entity.ReplyPrivacy;

/**
 * What publish_post was asked to publish, read and bounded by the boundary: cleaned text, the
 * parent (0 for a top-level post), a GIF URL or null, a sanitised link preview (JSON) or "",
 * poll options or an empty list, and who may reply.
 */
public record NewPost(String text, long threadId, String gifUrl, String ogData, List<String> pollOptions,
        ReplyPrivacy privacy) {

    /** The documented refusal of publish_post (with the reference's err_code). */
    public static final String INVALID = "Invalid data for publication. Please check your details";

    public NewPost {
        pollOptions = List.copyOf(pollOptions);
    }

    public static Map<String, Object> invalidExtras() {
        return Map.of("err_code", "invalid_post_data");
    }
}
