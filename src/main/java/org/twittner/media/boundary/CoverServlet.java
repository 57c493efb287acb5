package org.twittner.media.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.ProfileImages;
import org.twittner.platform.Envelope;
import org.twittner.session.control.Caller;

/** cover: a multipart file part named {@code cover}. */
@WebServlet("/mobile_api/cover")
public class CoverServlet extends ImageUploadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ProfileImages images;

    @Override
    String fileField() {
        return "cover";
    }

    @Override
    String invalidMessage() {
        return ProfileImages.COVER_INVALID;
    }

    @Override
    Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, IOException {
        return Envelope.ok("Profile cover changed successfully",
                new CoverChanged(images.changeCover(caller.userId(), file, fileName)));
    }
}
