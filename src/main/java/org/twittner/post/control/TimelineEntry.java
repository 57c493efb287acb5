package org.twittner.post.control;

/**
 * One item of a post list: the post, and the cursor the list pages by ({@code offset_id}: a
 * timeline entry id in feeds and profile tabs, a like id in the liked tab, the post id in
 * threads). {@code reposterId} is 0 unless the entry is a repost.
 */
public record TimelineEntry(long offsetId, long postId, long reposterId) {

    public static TimelineEntry ofPost(long postId) {
        return new TimelineEntry(postId, postId, 0);
    }
}
