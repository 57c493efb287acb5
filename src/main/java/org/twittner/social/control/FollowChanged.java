package org.twittner.social.control;

/**
 * A follow between two users changed: fired synchronously in the transaction that changed it.
 * {@code followerId} follows (or asked to follow) {@code followedId}.
 */
public record FollowChanged(long followerId, long followedId, Change change) {

    public enum Change {
        /** followed an open profile */
        FOLLOWED,
        /** stopped following */
        UNFOLLOWED,
        /** asked to follow a profile that approves its followers */
        REQUESTED,
        /** withdrew the request */
        REQUEST_WITHDRAWN,
        /** the followed user accepted the request */
        ACCEPTED,
        /** the followed user declined the request */
        IGNORED
    }
}
