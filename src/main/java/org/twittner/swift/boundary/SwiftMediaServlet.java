package org.twittner.swift.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.twittner.media.boundary.MediaUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.VideoUploadEndpoint;
import org.twittner.swift.control.SwiftUploads;

/**
 * upload_swift_media: one image or video (multipart part {@code file}, field {@code type}) as
 * the caller's draft swift, replacing an earlier draft. Checked in the order the contract asks:
 * type, room for another swift, then the file.
 */
@WebServlet(urlPatterns = "/mobile_api/upload_swift_media", asyncSupported = true)
public class SwiftMediaServlet extends MediaUploadServlet implements VideoUploadEndpoint {

    private static final long serialVersionUID = 1L;
    static final String BAD_TYPE = "Media file type is missing or invalid";
    static final String BAD_FILE = "Media file is missing or invalid";

    @Inject
    transient ApiRequest request;

    @Inject
    transient SwiftUploads uploads;

    @Inject
    transient TwittnerConfig settings;

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
        if (Files.size(file) > limit) {
            throw ApiException.uploadTooLarge(limit);
        }
        SwiftUploads.Uploaded uploaded = video
                ? uploads.video(caller.userId(), file, fileName)
                : uploads.image(caller.userId(), file, fileName);
        return Envelope.ok("Media file uploaded successfully", uploaded);
    }

    private String type() {
        String type = request.params().get("type");
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!type.equals("image") && !type.equals("video")) {
            throw new ApiException(400, BAD_TYPE);
        }
        return type;
    }
}
