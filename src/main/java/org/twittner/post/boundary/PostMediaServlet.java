package org.twittner.post.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.boundary.MediaUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.VideoUploadEndpoint;
import org.twittner.post.control.DraftUploads;

/**
 * upload_post_media: an image or a video (multipart part {@code file}) into the caller's draft.
 * The file may be as large as a video may be; an image over the image limit is refused after.
 */
@WebServlet(urlPatterns = "/mobile_api/upload_post_media", asyncSupported = true)
public class PostMediaServlet extends MediaUploadServlet implements VideoUploadEndpoint {

    private static final long serialVersionUID = 1L;
    static final String BAD_TYPE = "Media file type is missing or invalid";
    static final String BAD_FILE = "Media file is missing or invalid";

    @Inject
    transient ApiRequest request;

    @Inject
    transient DraftUploads uploads;

    @Inject
    transient org.twittner.platform.TwittnerConfig settings;

    @Override
    protected String fileField() {
        return "file";
    }

    @Override
    protected String invalidMessage() {
        return BAD_FILE;
    }

    @Override
    protected long maxFileBytes() {
        return Math.max(settings.uploadMaxBytes(), settings.videoMaxBytes());
    }

    @Override
    protected void checkFields() {
        type();
    }

    /** Documented: a missing file is code 500. */
    @Override
    protected ApiException missingFile() {
        return new ApiException(500, BAD_FILE);
    }

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, VideoRejected, IOException {
        boolean video = type().equals("video");
        long limit = video ? settings.videoMaxBytes() : settings.uploadMaxBytes();
        if (java.nio.file.Files.size(file) > limit) {
            throw ApiException.uploadTooLarge(limit);
        }
        DraftUploads.Uploaded uploaded = video
                ? uploads.video(caller.userId(), file, fileName)
                : uploads.image(caller.userId(), file, fileName);
        return Envelope.ok("Media file uploaded successfully", uploaded);
    }

    private String type() {
        return mediaType(request.params());
    }

    /** The {@code type} field of upload_post_media and delete_post_media: "image" or "video", or the documented 400. */
    static String mediaType(org.twittner.platform.RequestParams params) {
        String type = params.get("type");
        type = type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("image") && !type.equals("video")) {
            throw new ApiException(400, BAD_TYPE);
        }
        return type;
    }
}
