package org.twittner.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class CoverWindowTest {

    @Test
    void cutsAtTheOffset() {
        assertEquals(new Rectangle(0, 10, 600, 200), CoverWindow.at(600, 900, 10));
    }

    @Test
    void clampsToTheTopAndBottom() {
        assertEquals(new Rectangle(0, 0, 600, 200), CoverWindow.at(600, 900, -50));
        assertEquals(new Rectangle(0, 700, 600, 200), CoverWindow.at(600, 900, 5000));
        assertEquals(new Rectangle(0, 0, 600, 200), CoverWindow.at(600, 200, 30));
    }

    @Test
    void startsInTheMiddle() {
        assertEquals(new Rectangle(0, 350, 600, 200), CoverWindow.centred(600, 900));
    }

    @Test
    void aLowOriginalGivesItsMiddleInProportion() {
        // 600x100: the 3:1 window is 300x100 in the middle, enlarged later to 600x200
        assertEquals(new Rectangle(150, 0, 300, 100), CoverWindow.at(600, 100, 40));
        assertEquals(new Rectangle(150, 0, 300, 100), CoverWindow.centred(600, 100));
    }
}
