package org.twittner.media.control;

/** The upload is not an acceptable image: wrong type, unreadable, or over the pixel budget. */
public class ImageRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public ImageRejected(String reason) {
        super(reason, null, false, false);
    }
}
