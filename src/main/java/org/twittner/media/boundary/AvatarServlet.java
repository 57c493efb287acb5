package org.twittner.media.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.ProfileImages;
import org.twittner.platform.Envelope;
import org.twittner.session.control.Caller;

/** avatar: a multipart file part named {@code avatar}. */
@WebServlet("/mobile_api/avatar")
public class AvatarServlet extends ImageUploadServlet {

    private static final long serialVersionUID = 1L;

    /** {@code data} of the answer. */
    public record AvatarChanged(String avatarUrl) {
    }

    @EJB
    transient ProfileImages images;

    @Override
    String fileField() {
        return "avatar";
    }

    @Override
    String invalidMessage() {
        return "Avatar image is missing or invalid";
    }

    @Override
    Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, IOException {
        return Envelope.ok("Avatar changed successfully",
                new AvatarChanged(images.changeAvatar(caller.userId(), file, fileName)));
    }
}
