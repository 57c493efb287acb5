package org.twittner.platform;

import jakarta.ejb.ApplicationException;

/**
 * An outcome the API reports to the client: the wire {@code code} and {@code message}. Thrown
 * anywhere (EJBs included: it passes through unwrapped and rolls the transaction back) and
 * turned into the envelope by one mapper.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public ApiException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public Envelope toEnvelope() {
        return Envelope.error(code, getMessage());
    }

    /** An upload over the limit: the documented code of a bad file (400), with a message that says why. */
    public static ApiException uploadTooLarge(long maxBytes) {
        return new ApiException(400, "The uploaded file is too large (at most " + Math.max(1, maxBytes / (1024 * 1024)) + " MB)");
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized Access");
    }
}
