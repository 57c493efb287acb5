package org.twittner.media.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.twittner.platform.ApiException;

class CoverRepositionResourceTest {

    @Test
    void numbersAsPhpReadsThem() {
        assertEquals(10, CoverRepositionResource.topOffset("10"));
        assertEquals(-3, CoverRepositionResource.topOffset("-3"));
        assertEquals(12, CoverRepositionResource.topOffset(" 12.9 "));
        assertEquals(100, CoverRepositionResource.topOffset("1e2"));
        assertEquals(0, CoverRepositionResource.topOffset(".5"));
        assertEquals(1_000_000_000, CoverRepositionResource.topOffset("1e300"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "ten", "10px", "0x1A", "1,5", "NaN", "Infinity", "--1"})
    void anythingElseIsTheDocumentedError(String value) {
        ApiException refused = assertThrows(ApiException.class, () -> CoverRepositionResource.topOffset(value));
        assertEquals(400, refused.code());
        assertEquals("Cover position offset number is missing or invalid", refused.getMessage());
    }
}
