package org.twittner.profile.control;

/**
 * {@code data} of profile: the documented flat object, plus {@code cover_orig} and the nested
 * {@code user} flags that the reference server sends and the Flutter app reads.
 */
public record ProfileView(
        long id,
        String firstName,
        String lastName,
        String avatar,
        String cover,
        String coverOrig,
        String userName,
        String email,
        boolean isVerified,
        String website,
        String aboutYou,
        String gender,
        String country,
        int postCount,
        String about,
        String ipAddress,
        int followingCount,
        int followerCount,
        String language,
        String lastActive,
        String profilePrivacy,
        String memberSince,
        boolean isBlockedVisitor,
        boolean isFollowing,
        boolean canViewProfile,
        Relationship user) {
}
