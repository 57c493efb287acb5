package org.twittner.profile.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CoverRepositionResourceTest {

    @Test
    void fractionsAreCutAndHugeValuesBounded() {
        assertEquals(12, CoverRepositionResource.topOffset(12.9));
        assertEquals(-3, CoverRepositionResource.topOffset(-3.7));
        assertEquals(1_000_000_000, CoverRepositionResource.topOffset(1e300));
        assertEquals(-1_000_000_000, CoverRepositionResource.topOffset(-1e300));
    }
}
