package org.twittner.message.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.twittner.media.boundary.MediaUploadServlet;
import org.twittner.media.control.ImageRejected;
import org.twittner.message.control.MessageImages;
import org.twittner.message.control.Messages;
import org.twittner.platform.ApiException;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;

/**
 * send_message: a text (urlencoded or multipart) or an image (multipart part {@code image}).
 * The recipient, the permission to write to them, the type and the text are checked before the
 * image is looked at.
 */
@WebServlet(urlPatterns = "/mobile_api/send_message", asyncSupported = true)
public class SendMessageServlet extends MediaUploadServlet {

    private static final long serialVersionUID = 1L;
    static final String BAD_USER = "Interlocutor ID is missing or invalid";
    static final String BAD_TYPE = "The media type of the message is invalid or missing";

    @Inject
    transient Messages messages;

    @Inject
    transient MessageImages images;

    @Override
    protected String fileField() {
        return "image";
    }

    @Override
    protected String invalidMessage() {
        return "The image is missing or is not a JPEG, PNG or GIF picture";
    }

    @Override
    protected void checkFields() {
        Caller caller = call.requireCaller();
        long recipient = call.params().positiveId("user_id", BAD_USER);
        messages.checkMayWrite(caller.userId(), recipient);
        if (isText()) {
            Messages.text(call.params().get("message"));
        }
    }

    @Override
    protected Envelope acceptWithoutFile(Caller caller) {
        if (!isText()) {
            throw missingFile();
        }
        return sendText(caller);
    }

    @Override
    protected Envelope accept(Caller caller, Path file, String fileName) throws ImageRejected, IOException {
        if (isText()) {
            return sendText(caller); // a file sent along with a text is not looked at
        }
        long recipient = call.params().positiveId("user_id", BAD_USER);
        return Envelope.ok("Message sent", images.send(caller.userId(), recipient, file, fileName));
    }

    private Envelope sendText(Caller caller) {
        long recipient = call.params().positiveId("user_id", BAD_USER);
        String text = Messages.text(call.params().get("message"));
        return Envelope.ok("Message sent", Deadlocks.retry(() -> messages.sendText(caller.userId(), recipient, text)));
    }

    /** text or media, else the documented 400. */
    private boolean isText() {
        String type = call.params().get("type");
        String value = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("text") && !value.equals("media")) {
            throw new ApiException(400, BAD_TYPE);
        }
        return value.equals("text");
    }
}
