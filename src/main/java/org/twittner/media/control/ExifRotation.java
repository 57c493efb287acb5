package org.twittner.media.control;

import java.awt.image.BufferedImage;

/** Turns an image as stored into the image as seen, for EXIF orientations 1 to 8. */
final class ExifRotation {

    private ExifRotation() {
    }

    /** Orientations 5 to 8 are stored on their side: width and height swap. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] source = image.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = swapsSides(orientation);
        int outWidth = swap ? h : w;
        int outHeight = swap ? w : h;
        int[] target = new int[source.length];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }             // mirrored
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }     // upside down
                    case 4 -> { sx = x; sy = h - 1 - y; }             // mirrored upside down
                    case 5 -> { sx = y; sy = x; }                     // transposed
                    case 6 -> { sx = y; sy = h - 1 - x; }             // needs 90 degrees clockwise
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }     // transversed
                    default -> { sx = w - 1 - y; sy = x; }            // 8: needs 90 degrees anticlockwise
                }
                target[y * outWidth + x] = source[sy * w + sx];
            }
        }
        BufferedImage out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, outWidth, outHeight, target, 0, outWidth);
        return out;
    }
}
