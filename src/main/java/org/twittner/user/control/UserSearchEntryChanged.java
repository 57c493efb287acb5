package org.twittner.user.control;

/**
 * What finds an account changed: it was created (sign-up), changed its names (gen_settings) or
 * was hidden from or shown to search (set_priv_settings). Fired in that transaction after the
 * row is written, so that whatever finds people (search) reads the row and updates itself before
 * the commit.
 */
public record UserSearchEntryChanged(long userId) {
}
