package org.twittner.platform;

/**
 * A rate limit was reached: code 429 in the envelope (HTTP 200, like every answer of this API)
 * and a {@code Retry-After} header with the seconds until the window ends.
 */
public class TooManyAttempts extends ApiException {

    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "Too many attempts. Please wait a few minutes and try again";

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(429, MESSAGE);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
