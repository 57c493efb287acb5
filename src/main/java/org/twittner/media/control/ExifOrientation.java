package org.twittner.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG file: 1 (as stored) to 8. Phones store
 * pictures sideways and say so here; anything unreadable counts as 1.
 */
public final class ExifOrientation {

    /** APP1 sits right after SOI; no camera puts it further than this. */
    private static final int SCAN_LIMIT = 256 * 1024;

    private ExifOrientation() {
    }

    public static int of(Path jpeg) {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return of(in.readNBytes(SCAN_LIMIT));
        } catch (IOException e) {
            return 1;
        }
    }

    public static int of(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xFF) {
            int marker = u8(jpeg, at + 1);
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // image data starts: no EXIF before it
            }
            int length = u16(jpeg, at + 2, true);
            int segment = at + 4;
            if (marker == 0xE1 && segment + 6 <= jpeg.length && isExifHeader(jpeg, segment)) {
                return fromTiff(jpeg, segment + 6, Math.min(jpeg.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return 1;
    }

    private static boolean isExifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, bigEndian);
        if (ifd + 2 > end || ifd < tiff) {
            return 1;
        }
        int entries = u16(b, (int) ifd, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == 0x0112) {
                int value = u16(b, entry + 8, bigEndian); // SHORT, stored left-aligned in the value field
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (u8(b, at) << 8) | u8(b, at + 1) : (u8(b, at + 1) << 8) | u8(b, at);
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long high = u16(b, bigEndian ? at : at + 2, bigEndian);
        long low = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return (high << 16) | low;
    }
}
