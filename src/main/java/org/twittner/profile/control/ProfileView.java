package org.twittner.profile.control;

import org.twittner.media.control.MediaUrls;
import org.twittner.platform.UnixTime;
import org.twittner.social.control.Relationship;
import org.twittner.user.control.Countries;
import org.twittner.user.entity.User;

/**
 * {@code data} of profile: the documented flat object, plus {@code cover_orig} and the nested
 * {@code user} flags that the reference server sends and the Flutter app reads. Another user's
 * e-mail and IP address never leave the server: they are sent as "" (the apps expect strings).
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

    public static ProfileView of(User user, MediaUrls media, boolean self, Relationship relation, boolean canView) {
        return new ProfileView(
                user.getId(),
                user.getFirstName(),
                user.getLastName(),
                media.avatarUrl(user.getAvatar()),
                media.coverUrl(user.getCover()),
                media.coverUrl(user.getCoverOrig()),
                user.getUsername(),
                self ? user.getEmail() : "",
                user.isVerified(),
                user.getWebsite(),
                user.getAbout(),
                user.getGender(),
                Countries.name(user.getCountryId()),
                user.getPostCount(),
                user.getAbout(),
                self ? user.getIpAddress() : "",
                user.getFollowingCount(),
                user.getFollowerCount(),
                user.getLanguage(),
                Long.toString(user.getLastActiveAt()),
                user.getProfilePrivacy(),
                UnixTime.monthYear(user.getJoinedAt()),
                relation.isBlockedVisitor(),
                relation.isFollowing(),
                canView,
                relation);
    }
}
