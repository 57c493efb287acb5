package org.twittner.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // fails for an implementation that reseeds or caches its generator
        assertEquals(1_000, java.util.stream.Stream.generate(Tokens::newToken).limit(1_000).distinct().count());
    }

    @Test
    void theStoredHashIsSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    }
}
