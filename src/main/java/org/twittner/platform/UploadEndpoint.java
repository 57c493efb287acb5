package org.twittner.platform;

/**
 * Marks a servlet that takes a file: {@link BodyReceiver} gives its requests the upload size
 * limit (and keeps their bodies on disk) instead of the small limit of form endpoints.
 */
public interface UploadEndpoint {
}
