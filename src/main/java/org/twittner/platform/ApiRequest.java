package org.twittner.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What every endpoint needs to know about the request in hand: its parameters (with typed
 * readers that refuse with the endpoint's message), the client's address (behind trusted
 * proxies, {@link TrustedProxies}) and the caller, resolved once. Resources and upload
 * servlets inject it instead of repeating these steps. It keeps nothing itself: what it works
 * out lives on the request in hand ({@link CurrentRequest}, set by {@link BodyReceiver}), so one
 * instance serves all requests and no CDI request context is needed.
 */
@ApplicationScoped
public class ApiRequest {

    private static final String CALLER = ApiRequest.class.getName() + ".caller";

    @Inject
    CallerLookup callers;

    @Inject
    TwittnerConfig config;

    /** The parameters, as {@link BodyReceiver} or the upload servlet read them. */
    public RequestParams params() {
        return RequestParams.of(CurrentRequest.get());
    }

    public String clientAddress() {
        return config.trustedProxies().clientAddressOf(CurrentRequest.get());
    }

    /** The signed-in caller, or empty for a guest (or a token that no longer works). */
    @SuppressWarnings("unchecked")
    public Optional<Caller> caller() {
        HttpServletRequest http = CurrentRequest.get();
        Object resolved = http.getAttribute(CALLER);
        if (resolved == null) {
            resolved = callers.resolve(params().sessionToken(), clientAddress());
            http.setAttribute(CALLER, resolved);
        }
        return (Optional<Caller>) resolved;
    }

    /** The signed-in caller, or the documented 401. */
    public Caller requireCaller() {
        return caller().orElseThrow(ApiException::unauthorized);
    }
}
