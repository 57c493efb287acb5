package org.twittner.media.control;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded picture into the JPEGs the API serves. Readers come from the ImageIO
 * registry (TwelveMonkeys adds CMYK JPEG and WebP; other plugin sets can be dropped in).
 *
 * <ul>
 * <li>The file extension and the decoded content must agree, and be jpg/jpeg/png/gif/webp.</li>
 * <li>Dimensions are read from the header and checked against the pixel budget before any pixel
 * is decoded, so a decompression bomb costs nothing.</li>
 * <li>Only the needed region is decoded, with source subsampling down to about twice the target
 * size; progressive halving then keeps the result smooth.</li>
 * <li>EXIF orientation is applied; the output is a JPEG without metadata (no GPS leaks).</li>
 * </ul>
 */
public final class ImagePipeline {

    public static final int AVATAR_SIZE = 512;
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp");

    /** A kept cover original is at most this many times higher than wide. */
    static final int COVER_MAX_ASPECT = 4;
    /**
     * Longest accepted side. Decoders allocate whole rows whatever is asked of them, so a
     * 50,000,000 x 1 picture would fit the pixel budget yet take hundreds of MB.
     */
    static final int MAX_SIDE = 16_384;
    private static final float JPEG_QUALITY = 0.85f;

    private final long maxPixels;

    public ImagePipeline(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The avatar: the centre square, 512x512. */
    public BufferedImage avatar(Path upload, String fileName) throws ImageRejected {
        try (Decoder source = open(upload, fileName)) {
            int side = Math.min(source.width, source.height);
            Rectangle square = new Rectangle((source.width - side) / 2, (source.height - side) / 2, side, side);
            BufferedImage image = source.read(square, AVATAR_SIZE, AVATAR_SIZE);
            return ExifRotation.apply(scale(image, AVATAR_SIZE, AVATAR_SIZE), source.orientation);
        }
    }

    /** The kept cover original: the upload scaled to 600 px wide (enlarged if narrower). */
    public BufferedImage coverOriginal(Path upload, String fileName) throws ImageRejected {
        try (Decoder source = open(upload, fileName)) {
            boolean sideways = ExifRotation.swapsSides(source.orientation);
            // work in stored (unrotated) coordinates: "wide" is the side that will be horizontal
            int wide = sideways ? source.height : source.width;
            int high = sideways ? source.width : source.height;
            int keptHigh = Math.min(high, wide * COVER_MAX_ASPECT);
            Rectangle region = sideways
                    ? new Rectangle((source.width - keptHigh) / 2, 0, keptHigh, source.height)
                    : new Rectangle(0, (source.height - keptHigh) / 2, source.width, keptHigh);
            int targetHigh = Math.max(1, (int) Math.round((double) keptHigh * CoverWindow.WIDTH / wide));
            int targetWidth = sideways ? targetHigh : CoverWindow.WIDTH;
            int targetHeight = sideways ? CoverWindow.WIDTH : targetHigh;
            BufferedImage image = source.read(region, targetWidth, targetHeight);
            return ExifRotation.apply(scale(image, targetWidth, targetHeight), source.orientation);
        }
    }

    /** A post image's kept original: the whole picture, its longest side at most {@code maxSide} (never enlarged). */
    public BufferedImage bounded(Path upload, String fileName, int maxSide) throws ImageRejected {
        try (Decoder source = open(upload, fileName)) {
            double factor = Math.min(1.0, (double) maxSide / Math.max(source.width, source.height));
            int width = Math.max(1, (int) Math.round(source.width * factor));
            int height = Math.max(1, (int) Math.round(source.height * factor));
            BufferedImage image = source.read(new Rectangle(0, 0, source.width, source.height), width, height);
            return ExifRotation.apply(scale(image, width, height), source.orientation);
        }
    }

    /** The centre square of a picture, scaled to {@code side} x {@code side} (the thumbnail posts show). */
    public static BufferedImage squareThumbnail(BufferedImage image, int side) {
        int square = Math.min(image.getWidth(), image.getHeight());
        BufferedImage centre = image.getSubimage((image.getWidth() - square) / 2, (image.getHeight() - square) / 2,
                square, square);
        return scale(centre, side, side);
    }

    /** The shown 600x200 cover, cut from a kept original. */
    public static BufferedImage coverWindow(BufferedImage original, long topOffset) {
        Rectangle window = CoverWindow.at(original.getWidth(), original.getHeight(), topOffset);
        BufferedImage cut = original.getSubimage(window.x, window.y, window.width, window.height);
        return scale(cut, CoverWindow.WIDTH, CoverWindow.HEIGHT);
    }

    /** Reads one of our own stored JPEGs (a cover original); null is "no file". */
    public static BufferedImage readStored(Path jpeg) throws IOException {
        BufferedImage image = jpeg == null ? null : ImageIO.read(jpeg.toFile());
        if (image == null) {
            throw new IOException("not a stored image: " + jpeg);
        }
        return image;
    }

    /** JPEG, quality 0.85, no metadata at all. */
    public static void writeJpeg(BufferedImage image, Path out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (FileImageOutputStream output = new FileImageOutputStream(out.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(output);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The lower-case extension of an uploaded file's name, or "". */
    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private Decoder open(Path upload, String fileName) throws ImageRejected {
        String extension = extension(fileName);
        if (!EXTENSIONS.contains(extension)) {
            throw new ImageRejected("extension '" + extension + "' is not an accepted image type");
        }
        ImageInputStream input = null;
        ImageReader reader = null;
        try {
            input = new FileImageInputStream(upload.toFile());
            reader = readerFor(input, extension);
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new ImageRejected(width + "x" + height + " is over the pixel budget");
            }
            if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new ImageRejected(width + "x" + height + " has a side over " + MAX_SIDE + " pixels");
            }
            // the content matched the extension, so jpg/jpeg means a JPEG: the only kind with EXIF here
            int orientation = extension.startsWith("jp") ? ExifOrientation.of(upload) : 1;
            Decoder decoder = new Decoder(input, reader, width, height, orientation);
            input = null; // the decoder owns both now
            reader = null;
            return decoder;
        } catch (IOException | RuntimeException unreadable) {
            throw new ImageRejected("unreadable image: " + unreadable.getMessage());
        } finally {
            if (reader != null) {
                reader.dispose();
            }
            closeQuietly(input);
        }
    }

    /** A reader that recognises the content and handles the file's extension. */
    private static ImageReader readerFor(ImageInputStream input, String extension) throws ImageRejected {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageReaderSpi provider = reader.getOriginatingProvider();
            if (provider != null && Set.of(provider.getFileSuffixes()).contains(extension)) {
                return reader;
            }
            reader.dispose();
        }
        throw new ImageRejected("content is not a ." + extension + " image");
    }

    /**
     * Scales in halving steps while the image is at least twice the target, then once to the
     * exact size: each bilinear step averages neighbours, so no detail is skipped (one big
     * bilinear step aliases).
     */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != width || current.getHeight() != height || current.getType() != BufferedImage.TYPE_INT_RGB) {
            current = draw(current, width, height);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (source.getColorModel().hasAlpha()) {
                g.setColor(java.awt.Color.WHITE); // transparent areas become white, not black
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static BufferedImage rgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_RGB ? image : draw(image, image.getWidth(), image.getHeight());
    }

    private static void closeQuietly(ImageInputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    /** An opened upload whose header has been read and accepted. */
    private static final class Decoder implements AutoCloseable {
        final ImageInputStream input;
        final ImageReader reader;
        final int width;
        final int height;
        final int orientation;

        Decoder(ImageInputStream input, ImageReader reader, int width, int height, int orientation) {
            this.input = input;
            this.reader = reader;
            this.width = width;
            this.height = height;
            this.orientation = orientation;
        }

        /**
         * Decodes a region, skipping pixels down to no less than twice the target size (each
         * axis on its own; the scaling that follows restores the proportions).
         */
        BufferedImage read(Rectangle region, int targetWidth, int targetHeight) throws ImageRejected {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            param.setSourceSubsampling(Math.max(1, region.width / (2 * targetWidth)),
                    Math.max(1, region.height / (2 * targetHeight)), 0, 0);
            try {
                return reader.read(0, param);
            } catch (IOException | RuntimeException corrupt) {
                throw new ImageRejected("undecodable image: " + corrupt.getMessage());
            }
        }

        @Override
        public void close() {
            reader.dispose();
            closeQuietly(input);
        }
    }
}
