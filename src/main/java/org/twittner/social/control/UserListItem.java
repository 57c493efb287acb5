package org.twittner.social.control;

/**
 * One row of fetch_followers, fetch_following, follow_requests and fetch_likes (contract README
 * §2.5). Null components are left out: follow_requests has no followers or caller flags, only
 * the follower lists have follow_privacy and follow_requested, only requests pending_req.
 * search_people has no offset_id. {@code email} is "" unless the row is the caller (the reference exposes everyone's).
 */
public record UserListItem(
        Long offsetId,
        long id,
        String about,
        Integer followers,
        int posts,
        String avatar,
        String lastActive,
        String username,
        String fname,
        String lname,
        String email,
        String verified,
        String followPrivacy,
        String name,
        String url,
        Boolean isFollowing,
        Boolean followRequested,
        Boolean isUser,
        Boolean pendingReq) {
}
