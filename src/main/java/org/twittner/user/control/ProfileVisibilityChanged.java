package org.twittner.user.control;

/**
 * A user's profile changed between public ({@code everyone}) and followers-only. Fired
 * synchronously inside the transaction that changed it, so that what other components keep
 * about the author (the timeline's author_public) changes with it or not at all.
 */
public record ProfileVisibilityChanged(long userId, boolean isPublic) {
}
