package org.twittner.profile.control;

/**
 * {@code data.user} of login: the shape the deployed apps parse (the reference server's, with
 * {@code user_id}, {@code profile_picture}, {@code cover_picture}), not the docs' flat one.
 */
public record SignedInUser(
        long userId,
        String firstName,
        String lastName,
        String userName,
        String profilePicture,
        String coverPicture,
        String email,
        boolean isVerified,
        String website,
        String aboutYou,
        String gender,
        String country,
        int postCount,
        long lastPost,
        long lastAd,
        String language,
        int followingCount,
        int followerCount,
        String wallet,
        String ipAddress,
        String lastActive,
        String memberSince,
        String profilePrivacy) {
}
