package org.twittner.account.control;

import org.twittner.platform.RelativeTime;
import org.twittner.platform.UnixTime;
import org.twittner.user.control.Countries;
import org.twittner.user.entity.User;

/**
 * gen_settings' answer: the caller's updated account in the documented flat shape, which
 * formats {@code last_active} relatively and {@code member_since} as "July, 2020" (unlike login).
 */
public record GeneralSettingsView(
        long id,
        String firstName,
        String lastName,
        String userName,
        String email,
        boolean isVerified,
        String website,
        String aboutYou,
        String gender,
        String country,
        int postCount,
        String ipAddress,
        int followingCount,
        int followerCount,
        String language,
        String lastActive,
        String memberSince) {

    static GeneralSettingsView of(User user, long now) {
        return new GeneralSettingsView(user.getId(), user.getFirstName(), user.getLastName(), user.getUsername(),
                user.getEmail(), user.isVerified(), user.getWebsite(), user.getAbout(), user.getGender(),
                Countries.name(user.getCountryId()), user.getPostCount(), user.getIpAddress(), user.getFollowingCount(),
                user.getFollowerCount(), user.getLanguage(), RelativeTime.ago(user.getLastActiveAt(), now),
                UnixTime.fullMonthYear(user.getJoinedAt()));
    }
}
