package org.twittner.profile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.UnixTime;
import org.twittner.profile.entity.User;

/**
 * Turns a user row into the objects the API returns. Another user's e-mail and IP address never
 * leave the server: they are sent as "" (the apps expect strings).
 */
@ApplicationScoped
public class UserViews {

    /** The wallet feature of ColibriSM is not part of this server; the apps parse a string. */
    private static final String NO_WALLET = "0.00";

    @Inject
    MediaUrls media;

    public SignedInUser signedInUser(User user) {
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

    public ProfileView profile(User user, boolean self, Relationship relation, boolean canView) {
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
