package org.twittner.session.control;

import org.twittner.user.control.SignedInUser;

/** What login answers: the user ({@code data.user}) and the tokens ({@code auth}). */
public record SignedIn(SignedInUser user, IssuedTokens auth) {
}
