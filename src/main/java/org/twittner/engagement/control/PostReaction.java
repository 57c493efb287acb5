package org.twittner.engagement.control;

/**
 * Someone liked or reposted a post, or took it back ({@code on} false). Fired synchronously in
 * the transaction of the toggle, after its row and counter changed; observers (notifications)
 * write in that transaction, so a rollback takes their rows too.
 */
public record PostReaction(Kind kind, long userId, long postId, long authorId, boolean on) {

    public enum Kind { LIKE, REPOST }
}
