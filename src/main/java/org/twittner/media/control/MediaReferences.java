package org.twittner.media.control;

/**
 * Whether a committed row names a stored media path. Each component that stores media paths
 * implements it (profile for avatars and covers; posts, swifts and messages next); the
 * {@link MediaLedger} asks all of them before it deletes a file left by a crash.
 */
public interface MediaReferences {

    boolean isReferenced(String path);
}
