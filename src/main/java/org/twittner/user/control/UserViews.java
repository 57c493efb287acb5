package org.twittner.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.twittner.media.control.MediaUrls;
import org.twittner.user.entity.User;

/**
 * The user objects many endpoints embed, with their picture URLs filled in, so that components
 * above user need not know where media live.
 */
@ApplicationScoped
public class UserViews {

    @Inject
    MediaUrls media;

    public SignedInUser signedInUser(User user) {
        return SignedInUser.of(user, media);
    }

    /** A user's avatar URL from their stored media path ('' = the default picture). */
    public String avatarUrl(String path) {
        return media.avatarUrl(path);
    }
}
