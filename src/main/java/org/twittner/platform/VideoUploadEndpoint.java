package org.twittner.platform;

/**
 * Marks an upload servlet that also takes videos: {@link BodyReceiver} gives its requests the
 * video size limit instead of the image one.
 */
public interface VideoUploadEndpoint extends UploadEndpoint {
}
