package org.twittner.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What every endpoint needs to know about the request in hand: its parameters (with typed
 * readers that refuse with the endpoint's message), the client's address (behind trusted
 * proxies, {@link TrustedProxies}) and the caller, resolved once. Resources and upload
 * servlets inject it instead of repeating these steps.
 */
@RequestScoped
public class ApiRequest {

    @Inject
    HttpServletRequest http;

    @Inject
    CallerLookup callers;

    @Inject
    TwittnerConfig config;

    private RequestParams params;
    private String clientAddress;
    private Optional<Caller> caller;

    /** The parameters, as {@link RequestParamsFilter} or the upload servlet read them. */
    public RequestParams params() {
        if (params == null) {
            params = RequestParams.of(http);
        }
        return params;
    }

    public String clientAddress() {
        if (clientAddress == null) {
            clientAddress = config.trustedProxies().clientAddress(http.getRemoteAddr(),
                    http.getHeader("Forwarded"), http.getHeader("X-Forwarded-For"));
        }
        return clientAddress;
    }

    /** The signed-in caller, or empty for a guest (or a token that no longer works). */
    public Optional<Caller> caller() {
        if (caller == null) {
            caller = callers.resolve(params().sessionToken(), clientAddress());
        }
        return caller;
    }

    /** The signed-in caller, or the documented 401. */
    public Caller requireCaller() {
        return caller().orElseThrow(ApiException::unauthorized);
    }
}
