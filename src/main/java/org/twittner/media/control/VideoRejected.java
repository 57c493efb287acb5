package org.twittner.media.control;

/**
 * The upload is not an acceptable video: wrong type, unreadable, a codec we do not serve, too
 * large a picture, or too costly to process. The message says why, for the logs only.
 */
public class VideoRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public VideoRejected(String reason) {
        super(reason, null, false, false);
    }
}
