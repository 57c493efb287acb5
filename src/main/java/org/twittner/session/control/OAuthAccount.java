package org.twittner.session.control;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The local account an identity of a provider signs in to: its e-mail address (the verified
 * one of the provider, or a placeholder on the provider's domain), and for a first sign-in the
 * usernames to try and the names to start with.
 */
record OAuthAccount(String email, List<String> usernames, String firstName, String lastName) {

    private static final Pattern SIMPLE_ID = Pattern.compile("[A-Za-z0-9_]{1,22}");

    static OAuthAccount of(IdentityProviders.Identity identity) {
        String prefix = identity.provider().equals("google") ? "go_" : "fb_";
        String derived = prefix + Tokens.hash(identity.provider() + ":" + identity.id()).substring(0, 22);
        String primary = SIMPLE_ID.matcher(identity.id()).matches() ? prefix + identity.id() : derived;
        String domain = identity.provider().equals("google") ? "google.com" : "facebook.com";
        String email = identity.emailVerified() && identity.email() != null && SignupForm.isEmail(identity.email())
                ? identity.email()
                : primary.toLowerCase(Locale.ROOT) + "@" + domain;
        return new OAuthAccount(email, primary.equals(derived) ? List.of(primary) : List.of(primary, derived),
                name(identity.firstName()), name(identity.lastName()));
    }

    /** At most 25 characters, as sign-up allows. */
    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        return stripped.codePointCount(0, stripped.length()) <= 25 ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, 25));
    }
}
