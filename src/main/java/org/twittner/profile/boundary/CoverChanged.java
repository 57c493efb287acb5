package org.twittner.profile.boundary;

/** {@code data} of cover and cover_reposition. */
public record CoverChanged(String coverUrl) {
}
