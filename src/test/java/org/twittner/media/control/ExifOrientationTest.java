package org.twittner.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twittner.testing.TestImages;

class ExifOrientationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheTagInBothByteOrders(int orientation) {
        byte[] motorola = TestImages.jpegWithExif(TestImages.quadrants(8, 8), orientation, true);
        byte[] intel = TestImages.jpegWithExif(TestImages.quadrants(8, 8), orientation, false);
        assertEquals(orientation, ExifOrientation.of(motorola));
        assertEquals(orientation, ExifOrientation.of(intel));
    }

    @Test
    void withoutExifIsAsStored() {
        assertEquals(1, ExifOrientation.of(TestImages.encode(TestImages.quadrants(8, 8), "jpg")));
    }

    @Test
    void garbageIsAsStored() {
        assertEquals(1, ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F}));
        assertEquals(1, ExifOrientation.of(new byte[] {1, 2, 3}));
        assertEquals(1, ExifOrientation.of(TestImages.encode(TestImages.quadrants(8, 8), "png")));
    }
}
