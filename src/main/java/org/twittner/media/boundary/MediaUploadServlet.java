package org.twittner.media.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.VideoRejected;
import org.twittner.media.control.MediaStore;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.Failures;
import org.twittner.platform.TwittnerConfig;
import org.twittner.platform.UploadEndpoint;
import org.twittner.platform.WireJson;

/**
 * The shape of an upload endpoint, for the components that take images and videos (profile,
 * posts; swifts and messages next): stream the form in with the size limit, then check the
 * caller (401), the other fields, then the file, then hand it to the subclass. Every outcome is
 * an envelope; the temporary upload is gone when the request ends.
 */
public abstract class MediaUploadServlet extends HttpServlet implements UploadEndpoint {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MediaUploadServlet.class.getName());

    @Inject
    transient TwittnerConfig config;

    @Inject
    transient MediaStore store;

    @Inject
    protected transient ApiRequest call;

    /** The multipart field that carries the file. */
    protected abstract String fileField();

    /** The documented 400 message for a missing or unusable file. */
    protected abstract String invalidMessage();

    /** Processes the accepted upload; returns the success envelope. */
    protected abstract Envelope accept(Caller caller, Path file, String fileName)
            throws ImageRejected, VideoRejected, IOException;

    /** The largest file this endpoint takes, enforced while it streams in. */
    protected long maxFileBytes() {
        return config.uploadMaxBytes();
    }

    /** Checks the form's other fields (from {@link ApiRequest#params()}) before the file is looked at. */
    protected void checkFields() {
    }

    /** The answer to a form without a usable file part. */
    protected ApiException missingFile() {
        return new ApiException(400, invalidMessage());
    }

    /**
     * Processes a form without a file part (urlencoded, or multipart without it): refused, unless
     * the endpoint also takes forms without a file (send_message's text messages).
     */
    protected Envelope acceptWithoutFile(Caller caller) {
        throw missingFile();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Envelope answer;
        boolean abandoned = false;
        try (UploadedForm form = UploadedForm.read(request, fileField(), maxFileBytes(), store)) {
            abandoned = form.abandoned;
            form.params.attachTo(request);
            Caller caller = call.requireCaller();
            checkFields();
            if (form.tooLarge) {
                throw ApiException.uploadTooLarge(maxFileBytes());
            }
            answer = form.file == null ? acceptWithoutFile(caller) : accept(caller, form.file, form.fileName);
        } catch (ApiException refused) {
            answer = refused.toEnvelope();
        } catch (ImageRejected | VideoRejected rejected) {
            LOG.log(Level.FINE, "upload refused: {0}", rejected.getMessage());
            answer = Envelope.error(400, invalidMessage());
        } catch (IOException | RuntimeException failure) {
            response.setHeader(Failures.REQUEST_ID_HEADER,
                    Failures.log(request.getMethod(), request.getRequestURI(), failure));
            answer = Failures.envelope();
        }
        if (abandoned) {
            // the rest of the body was never read: the connection cannot carry another request
            response.setHeader("Connection", "close");
        }
        WireJson.send(answer, response);
    }
}
