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

/** avatar: a multipart file part named {@code avatar}. */
@WebServlet(urlPatterns = "/mobile_api/avatar", asyncSupported = true)
public class AvatarServlet extends MediaUploadServlet {

    private static final long serialVersionUID = 1L;

    /** {@code data} of the answer. */
    public record AvatarChanged(String avatarUrl) {
    }

    @Inject
    transient ProfileImages images;

    @Override
    protected String fileField() {
        return "avatar";
    }

    @Override
    protected String invalidMessage() {
        return "Avatar image is missing or invalid";
    }

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, IOException {
        return Envelope.ok("Avatar changed successfully",
                new AvatarChanged(images.changeAvatar(caller.userId(), file, fileName)));
    }
}
