/**
 * Session: accounts and devices. Sign-up, login, social sign-in (Google, Facebook), token refresh
 * and logout; access and refresh tokens (only their hashes stored), passwords (bcrypt, imported
 * ColibriSM hashes; change, and reset by an e-mailed link), one push token per signed-in device,
 * and the implementation of {@link org.twittner.platform.CallerLookup} that every request uses.
 *
 * <p>Endpoints: signup, login, oauth, refresh_access_token, logout, change_password,
 * resetpassword (with complete_password_reset for the reset page), save_pnotif_token (contract:
 * ../shared/api/auth.md, profile.md, notifications.md).
 * <p>May depend on: user, platform.
 */
package org.twittner.session;
