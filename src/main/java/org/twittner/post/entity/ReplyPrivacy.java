package org.twittner.post.entity;

import java.util.Locale;
import java.util.Optional;

/** Who may reply to a post (ColibriSM's priv_wcr); the wire and the column use the lower-case names. */
public enum ReplyPrivacy {
    EVERYONE, FOLLOWERS, MENTIONED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReplyPrivacy> parse(String value) {
        if (value != null) {
            for (ReplyPrivacy privacy : values()) {
                if (privacy.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(privacy);
                }
            }
        }
        return Optional.empty();
    }
}
