package org.twittner.media.boundary;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.VideoUploadEndpoint;

/**
 * An upload of an image or a video, chosen by the {@code type} field, in the multipart part
 * {@code file} (upload_post_media, upload_swift_media): the documented messages, the type checked
 * before the file, a body as large as a video may be, and the image limit applied to images.
 */
public abstract class ImageOrVideoUploadServlet extends MediaUploadServlet implements VideoUploadEndpoint {

    private static final long serialVersionUID = 1L;
    public static final String BAD_TYPE = "Media file type is missing or invalid";
    public static final String BAD_FILE = "Media file is missing or invalid";

    @Inject
    transient ApiRequest request;

    @Inject
    transient TwittnerConfig settings;

    /** Processes an accepted file of the given kind; returns the success envelope. */
    protected abstract Envelope accept(Caller caller, Path file, String fileName, boolean video)
            throws ImageRejected, VideoRejected, IOException;

    @Override
    protected final String fileField() {
        return "file";
    }

    @Override
    protected final String invalidMessage() {
        return BAD_FILE;
    }

    @Override
    protected final long maxFileBytes() {
        return Math.max(settings.uploadMaxBytes(), settings.videoMaxBytes());
    }

    @Override
    protected final void checkFields() {
        mediaType(request.params());
    }

    /** Documented: a missing file is code 500. */
    @Override
    protected final ApiException missingFile() {
        return new ApiException(500, BAD_FILE);
    }

    @Override
    protected final Envelope accept(Caller caller, Path file, String fileName)
            throws ImageRejected, VideoRejected, IOException {
        boolean video = mediaType(request.params()).equals("video");
        long limit = video ? settings.videoMaxBytes() : settings.uploadMaxBytes();
        if (Files.size(file) > limit) {
            throw ApiException.uploadTooLarge(limit);
        }
        return accept(caller, file, fileName, video);
    }

    /** The {@code type} field: "image" or "video", or the documented 400. */
    public static String mediaType(RequestParams params) {
        String type = params.get("type");
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!type.equals("image") && !type.equals("video")) {
            throw new ApiException(400, BAD_TYPE);
        }
        return type;
    }
}
