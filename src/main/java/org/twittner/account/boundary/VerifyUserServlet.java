package org.twittner.account.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.account.control.VerificationForm;
import org.twittner.account.control.VerificationUploads;
import org.twittner.account.control.Verifications;
import org.twittner.media.boundary.MediaUploadServlet;
import org.twittner.media.control.VideoRejected;
import org.twittner.media.control.VideoUploads;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.VideoUploadEndpoint;

/**
 * verify_user: text_message, full_name and the video in the multipart part video_message, checked
 * in the reference's order (the account's state, the name, the text, then the video).
 */
@WebServlet(urlPatterns = "/mobile_api/verify_user", asyncSupported = true)
public class VerifyUserServlet extends MediaUploadServlet implements VideoUploadEndpoint {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ApiRequest request;

    @Inject
    transient TwittnerConfig settings;

    @Inject
    transient Verifications verifications;

    @Inject
    transient VerificationUploads uploads;

    @Inject
    transient VideoUploads videos;

    @Override
    protected String fileField() {
        return "video_message";
    }

    @Override
    protected String invalidMessage() {
        return "Video message to the reviewer is incorrect or missing";
    }

    @Override
    protected long maxFileBytes() {
        return settings.videoMaxBytes();
    }

    @Override
    protected void checkFields() {
        verifications.checkMayRequest(request.requireCaller().userId());
        form().check();
        videos.requireTools();
    }

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName) throws VideoRejected, IOException {
        uploads.submit(caller.userId(), form(), file, fileName);
        return Envelope.ok("Verification request sent successfully", null).withoutData();
    }

    private VerificationForm form() {
        return new VerificationForm(request.params().get("full_name"), request.params().get("text_message"));
    }
}
