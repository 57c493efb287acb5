package org.twittner.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Unexpected failures: logged once with a request id, answered with code 500 and a fixed
 * message. Neither the stack trace nor SQL ever reaches the client.
 */
public final class Failures {

    public static final String MESSAGE =
            "An error occurred while processing your request. Please try again later.";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /** Logs the failure and returns the id to hand back in the {@value #REQUEST_ID_HEADER} header. */
    public static String log(String method, String path, Throwable failure) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String requestId = HexFormat.of().formatHex(bytes);
        LOG.log(Level.SEVERE, "request " + requestId + " " + method + " " + path + " failed", failure);
        return requestId;
    }

    public static Envelope envelope() {
        return Envelope.error(500, MESSAGE);
    }
}
