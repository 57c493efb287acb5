package org.twittner.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * Runs a request's handling inside a CDI request context. A request whose body arrived late is
 * handled in an async dispatch ({@link BodyReceiver}), and Payara starts no request context for
 * those; {@code @ActivateRequestContext} starts one when none is active and leaves an active one
 * alone (WildFly's).
 */
@ApplicationScoped
public class RequestScope {

    @ActivateRequestContext
    public void run(Handling handling) throws IOException, ServletException {
        handling.run();
    }

    /** The handling of one request. */
    @FunctionalInterface
    public interface Handling {
        void run() throws IOException, ServletException;
    }
}
