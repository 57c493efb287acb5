package org.twittner.social.control;

/** How the caller and a profile relate. Every flag is false for a guest or for oneself. */
public record Relationship(
        /* the profile's owner blocked the caller */
        boolean isBlockedVisitor,
        /* the caller blocked the profile's owner */
        boolean isBlockedProfile,
        /* the caller follows the profile (an accepted follow, not a pending request) */
        boolean isFollowing) {

    public static final Relationship NONE = new Relationship(false, false, false);
}
