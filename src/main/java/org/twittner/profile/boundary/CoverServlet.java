package org.twittner.profile.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.boundary.MediaUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.profile.control.ProfileImages;

/** cover: a multipart file part named {@code cover}. */
@WebServlet(urlPatterns = "/mobile_api/cover", asyncSupported = true)
public class CoverServlet extends MediaUploadServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProfileImages images;

    @Override
    protected String fileField() {
        return "cover";
    }

    @Override
    protected String invalidMessage() {
        return ProfileImages.COVER_INVALID;
    }

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, IOException {
        return Envelope.ok("Profile cover changed successfully",
                new CoverChanged(images.changeCover(caller.userId(), file, fileName)));
    }
}
