package org.twittner.user.control;

/**
 * An account got its names (sign-up) or changed them (gen_settings), fired in that
 * transaction: whatever finds people by name (search) updates itself before the commit.
 */
public record UserNamesChanged(long userId, String username, String firstName, String lastName) {
}
