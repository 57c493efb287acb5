package org.twittner.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAre256BitsOfHex() {
        String token = Tokens.newToken();
        assertEquals(64, token.length());
        assertTrue(token.matches("[0-9a-f]{64}"), token);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Tokens.newToken()));
        }
    }

    @Test
    void theStoredHashIsSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
        String token = Tokens.newToken();
        assertEquals(Tokens.hash(token), Tokens.hash(token));
        assertNotEquals(token, Tokens.hash(token));
    }
}
