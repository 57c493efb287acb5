package org.twittner.platform;

/** The signed-in user behind a request, and the session (device) it came through. */
public record Caller(long userId, long sessionId) {
}
