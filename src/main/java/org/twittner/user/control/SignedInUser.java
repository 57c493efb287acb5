package org.twittner.user.control;

import org.twittner.media.control.MediaUrls;
import org.twittner.platform.UnixTime;
import org.twittner.user.entity.User;

/**
 * {@code data.user} of login: the shape the deployed apps parse (the reference server's, with
 * {@code user_id}, {@code profile_picture}, {@code cover_picture}), not the docs' flat one.
 * It is the caller's own account, so it carries their e-mail and IP address.
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

    /** The wallet feature of ColibriSM is not part of this server; the apps parse a string. */
    private static final String NO_WALLET = "0.00";

    public static SignedInUser of(User user, MediaUrls media) {
        return new SignedInUser(
                user.getId(),
                user.getFirstName(),
                user.getLastName(),
                user.getUsername(),
                media.avatarUrl(user.getAvatar()),
                media.coverUrl(user.getCover()),
                user.getEmail(),
                user.isVerified(),
                user.getWebsite(),
                user.getAbout(),
                user.getGender(),
                Countries.name(user.getCountryId()),
                user.getPostCount(),
                0, // no post draft: drafts come with the posts component
                0, // advertising is not part of this server
                user.getLanguage(),
                user.getFollowingCount(),
                user.getFollowerCount(),
                NO_WALLET,
                user.getIpAddress(),
                Long.toString(user.getLastActiveAt()),
                UnixTime.monthYear(user.getJoinedAt()),
                user.getProfilePrivacy());
    }
}
