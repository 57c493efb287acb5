package org.twittner.media.control;

import java.awt.Rectangle;

/**
 * Where the shown 600x200 cover is cut from the kept original (600 px wide): at the requested
 * top offset, clamped to the image. An original lower than 200 px gives its centre 3:1 part,
 * which is then enlarged: never stretched out of proportion.
 */
public final class CoverWindow {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 200;

    private CoverWindow() {
    }

    public static Rectangle at(int originalWidth, int originalHeight, long topOffset) {
        if (originalHeight >= HEIGHT * originalWidth / WIDTH) {
            int height = HEIGHT * originalWidth / WIDTH;
            long top = Math.max(0, Math.min(topOffset, originalHeight - height));
            return new Rectangle(0, (int) top, originalWidth, height);
        }
        int width = Math.max(1, originalHeight * WIDTH / HEIGHT);
        return new Rectangle((originalWidth - width) / 2, 0, width, originalHeight);
    }

    /** The window a new cover starts with: the middle of the original. */
    public static Rectangle centred(int originalWidth, int originalHeight) {
        return at(originalWidth, originalHeight, (originalHeight - HEIGHT * originalWidth / WIDTH) / 2);
    }
}
