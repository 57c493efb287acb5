package org.twittner.platform;

import java.util.Optional;

/**
 * Finds the caller behind an access token. Declared here so that every component can ask "who
 * is calling" through {@link ApiRequest}; implemented by the session component, which owns
 * tokens (nothing imports session).
 */
public interface CallerLookup {

    /** The caller, or empty for a missing, unknown or expired token or a disabled account. */
    Optional<Caller> resolve(String token, String clientAddress);
}
