package org.twittner.post.control;

/**
 * A post or reply was published: fired synchronously in its transaction, after its rows (the
 * post, its mentions in post_mentions) are written. {@code parentId} is 0 for a post,
 * {@code parentAuthorId} the author of the post replied to (0 for a post).
 */
public record PostPublished(long postId, long authorId, long parentId, long parentAuthorId) {
}
