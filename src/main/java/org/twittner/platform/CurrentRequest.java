package org.twittner.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API request the current thread is handling, set by {@link BodyReceiver} around the
 * endpoint. {@link ApiRequest} reads it from here rather than from CDI's built-in
 * HttpServletRequest, which Payara does not provide after an async dispatch.
 */
final class CurrentRequest {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {
    }

    static HttpServletRequest get() {
        HttpServletRequest request = CURRENT.get();
        if (request == null) {
            throw new IllegalStateException("not handling an API request");
        }
        return request;
    }

    static Scope set(HttpServletRequest request) {
        HttpServletRequest previous = CURRENT.get();
        CURRENT.set(request);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
