package org.twittner.swift.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.boundary.ImageOrVideoUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.swift.control.SwiftUploads;

/**
 * upload_swift_media: one image or video as the caller's draft swift, replacing an earlier
 * draft. Checked in the order the contract asks: type, room for another swift, then the file.
 */
@WebServlet(urlPatterns = "/mobile_api/upload_swift_media", asyncSupported = true)
public class SwiftMediaServlet extends ImageOrVideoUploadServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SwiftUploads uploads;

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName, boolean video)
            throws ImageRejected, VideoRejected, IOException {
        SwiftUploads.Uploaded uploaded = video
                ? uploads.video(caller.userId(), file, fileName)
                : uploads.image(caller.userId(), file, fileName);
        return Envelope.ok("Media file uploaded successfully", uploaded);
    }
}
