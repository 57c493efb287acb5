package org.twittner.social.control;

/**
 * A user's follower_count moved (a follow, an unfollow, an accepted request, a block, a follower's
 * deleted account), fired in that transaction after the counter is written, under the user's row
 * lock: copies of the count (search's ranking) are updated in the same order as the counter.
 */
public record FollowerCountChanged(long userId) {
}
