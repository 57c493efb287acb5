/**
 * Session: accounts and devices. Sign-up, login, token refresh and logout; access and refresh
 * tokens (only their hashes stored), passwords (bcrypt, imported ColibriSM hashes), and the
 * implementation of {@link org.twittner.platform.CallerLookup} that every request uses.
 *
 * <p>Endpoints: signup, login, refresh_access_token, logout (contract: ../shared/api/auth.md).
 * <p>May depend on: user, platform.
 */
package org.twittner.session;
