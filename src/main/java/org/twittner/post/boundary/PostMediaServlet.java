package org.twittner.post.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.boundary.ImageOrVideoUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.post.control.DraftUploads;

/** upload_post_media: an image or a video (multipart part {@code file}) into the caller's draft. */
@WebServlet(urlPatterns = "/mobile_api/upload_post_media", asyncSupported = true)
public class PostMediaServlet extends ImageOrVideoUploadServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DraftUploads uploads;

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName, boolean video)
            throws ImageRejected, VideoRejected, IOException {
        DraftUploads.Uploaded uploaded = video
                ? uploads.video(caller.userId(), file, fileName)
                : uploads.image(caller.userId(), file, fileName);
        return Envelope.ok("Media file uploaded successfully", uploaded);
    }
}
