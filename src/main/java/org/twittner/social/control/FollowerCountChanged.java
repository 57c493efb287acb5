package org.twittner.social.control;

import java.util.List;

/**
 * Users' follower_count moved (a follow, an unfollow, an accepted request, a block, a follower's
 * deleted account), fired in that transaction after the counters are written, under the users'
 * row locks: copies of the count (search's ranking) are updated in the same order as the counter.
 * The ids are ascending; a deleted account names everyone it followed at once.
 */
public record FollowerCountChanged(List<Long> userIds) {

    public FollowerCountChanged {
        userIds = List.copyOf(userIds);
    }

    public static FollowerCountChanged of(long userId) {
        return new FollowerCountChanged(List.of(userId));
    }
}
