package org.twittner.session.control;

/** The {@code auth} block of login/signup, and the {@code data} of refresh_access_token. */
public record IssuedTokens(String authToken, String refreshToken, long authTokenExpiry) {
}
