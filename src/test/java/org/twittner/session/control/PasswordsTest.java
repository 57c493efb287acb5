package org.twittner.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesAreBcryptWithTheCostAskedFor() {
        String hash = Passwords.hash("secret1", 4);
        assertTrue(hash.startsWith("$2a$04$"), hash);
        assertEquals(60, hash.length());
        assertEquals(4, Passwords.cost(hash));
        assertNotEquals(hash, Passwords.hash("secret1", 4), "salted");
    }

    @Test
    void rightAndWrongPasswords() {
        String hash = Passwords.hash("secret1", 4);
        assertEquals(Passwords.Match.EXACT, Passwords.check("secret1", hash));
        assertEquals(Passwords.Match.NONE, Passwords.check("secret2", hash));
        assertEquals(Passwords.Match.NONE, Passwords.check("secret1", "not a hash"));
        assertEquals(Passwords.Match.NONE, Passwords.check("secret1", "$2y$10$broken"));
    }

    @Test
    void phpPasswordHashVerifies() {
        // from the PHP manual's password_verify example: password_hash("rasmuslerdorf", PASSWORD_DEFAULT)
        String php = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";
        assertEquals(Passwords.Match.EXACT, Passwords.check("rasmuslerdorf", php));
        assertEquals(Passwords.Match.NONE, Passwords.check("rasmuslerdorF", php));
        assertEquals(10, Passwords.cost(php));
    }

    @Test
    void colibriFilteredPasswordIsRecognisedOnImportedHashes() {
        String typed = " it's <b>\"mine\" & ok ";
        String storedByColibri = "$2y$" + Passwords.hash(LegacyPasswordText.filter(typed), 4).substring(4);
        assertEquals(Passwords.Match.LEGACY_FILTERED, Passwords.check(typed, storedByColibri));
    }

    @Test
    void nearMissesDoNotMatchOurOwnHashes() {
        String ours = Passwords.hash("secret1", 4);
        assertEquals(Passwords.Match.NONE, Passwords.check("secret1 ", ours));
        assertEquals(Passwords.Match.NONE, Passwords.check("secret\\1", ours));
        assertEquals(Passwords.Match.NONE, Passwords.check("<b>secret1</b>", ours));
    }

    @Test
    void colibriTextFilter() {
        assertEquals("it\\'s \\\"x\\\" &amp; y", LegacyPasswordText.filter("  it's \"x\" & y "));
        assertEquals("ab", LegacyPasswordText.filter("a<i>b</i>"));
        assertEquals("ab", LegacyPasswordText.filter("a\\b"));
        assertEquals("plain", LegacyPasswordText.filter("plain"));
    }
}
