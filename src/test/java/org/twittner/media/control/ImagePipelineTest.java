package org.twittner.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.TestImages.BOTTOM_LEFT;
import static org.twittner.testing.TestImages.BOTTOM_RIGHT;
import static org.twittner.testing.TestImages.TOP_LEFT;
import static org.twittner.testing.TestImages.TOP_RIGHT;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twittner.testing.TestImages;

class ImagePipelineTest {

    private static final int TOLERANCE = 24;

    @TempDir
    Path dir;

    private final ImagePipeline pipeline = new ImagePipeline(50_000_000);

    @BeforeAll
    static void plugins() {
        ImageIO.scanForPlugins();
    }

    @Test
    void avatarIsTheCentreSquareAt512() throws Exception {
        // 1200x600: the centre square is x 300..900, which holds all four quadrants equally
        Path upload = write("photo.jpg", TestImages.encode(TestImages.quadrants(1200, 600), "jpg"));
        BufferedImage avatar = roundTrip(pipeline.avatar(upload, "photo.jpg"));
        assertEquals(512, avatar.getWidth());
        assertEquals(512, avatar.getHeight());
        assertColour(TOP_LEFT, avatar, 100, 100);
        assertColour(TOP_RIGHT, avatar, 412, 100);
        assertColour(BOTTOM_LEFT, avatar, 100, 412);
        assertColour(BOTTOM_RIGHT, avatar, 412, 412);
    }

    @Test
    void avatarOfAHugePhotoIsSubsampledAndStillRight() throws Exception {
        Path upload = write("big.JPEG", TestImages.encode(TestImages.quadrants(4000, 3000), "jpg"));
        BufferedImage avatar = roundTrip(pipeline.avatar(upload, "big.JPEG"));
        assertEquals(512, avatar.getWidth());
        assertColour(TOP_LEFT, avatar, 50, 50);
        assertColour(BOTTOM_RIGHT, avatar, 460, 460);
    }

    @Test
    void exifOrientationSixIsTurnedClockwise() throws Exception {
        // stored: red top-left; seen after a quarter turn clockwise: red top-right
        Path upload = write("phone.jpg", TestImages.jpegWithExif(TestImages.quadrants(800, 800), 6, true));
        BufferedImage avatar = roundTrip(pipeline.avatar(upload, "phone.jpg"));
        assertColour(BOTTOM_LEFT, avatar, 100, 100);
        assertColour(TOP_LEFT, avatar, 412, 100);
        assertColour(BOTTOM_RIGHT, avatar, 100, 412);
        assertColour(TOP_RIGHT, avatar, 412, 412);
    }

    @Test
    void exifOrientationsThreeAndEight() throws Exception {
        Path upsideDown = write("a.jpg", TestImages.jpegWithExif(TestImages.quadrants(600, 600), 3, false));
        BufferedImage turned = roundTrip(pipeline.avatar(upsideDown, "a.jpg"));
        assertColour(BOTTOM_RIGHT, turned, 100, 100);
        assertColour(TOP_LEFT, turned, 412, 412);

        Path anticlockwise = write("b.jpg", TestImages.jpegWithExif(TestImages.quadrants(600, 600), 8, false));
        BufferedImage left = roundTrip(pipeline.avatar(anticlockwise, "b.jpg"));
        assertColour(TOP_RIGHT, left, 100, 100);
        assertColour(BOTTOM_LEFT, left, 412, 412);
    }

    @Test
    void outputCarriesNoExifAndNoGps() throws Exception {
        byte[] phone = TestImages.jpegWithExif(TestImages.quadrants(800, 600), 1, true);
        assertTrue(TestImages.hasExif(phone), "the test input must carry EXIF");
        Path out = dir.resolve("out.jpg");
        ImagePipeline.writeJpeg(pipeline.avatar(write("gps.jpg", phone), "gps.jpg"), out);
        assertFalse(TestImages.hasExif(Files.readAllBytes(out)));
    }

    @Test
    void transparentPngBecomesWhite() throws Exception {
        BufferedImage clear = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = clear.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 150, 300);
        g.dispose();
        BufferedImage avatar = roundTrip(pipeline.avatar(write("logo.png", TestImages.encode(clear, "png")), "logo.png"));
        assertColour(Color.BLUE, avatar, 100, 256);
        assertColour(Color.WHITE, avatar, 400, 256);
    }

    @Test
    void gifIsAccepted() throws Exception {
        BufferedImage avatar = pipeline.avatar(write("a.gif", TestImages.encode(TestImages.quadrants(100, 100), "gif")), "a.gif");
        assertEquals(512, avatar.getWidth());
    }

    @Test
    void extensionMustBeAnImageType() throws Exception {
        Path upload = write("photo.txt", TestImages.encode(TestImages.quadrants(100, 100), "jpg"));
        assertThrows(ImageRejected.class, () -> pipeline.avatar(upload, "photo.txt"));
        assertThrows(ImageRejected.class, () -> pipeline.avatar(upload, "photo"));
        assertThrows(ImageRejected.class, () -> pipeline.avatar(upload, null));
    }

    @Test
    void contentMustMatchTheExtension() throws Exception {
        Path png = write("photo.jpg", TestImages.encode(TestImages.quadrants(100, 100), "png"));
        assertThrows(ImageRejected.class, () -> pipeline.avatar(png, "photo.jpg"));
        Path text = write("notes.png", "just some text, not a picture".getBytes());
        assertThrows(ImageRejected.class, () -> pipeline.avatar(text, "notes.png"));
    }

    @Test
    void truncatedImageIsRejected() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.quadrants(400, 400), "jpg");
        byte[] half = java.util.Arrays.copyOf(jpeg, 200);
        assertThrows(ImageRejected.class, () -> pipeline.avatar(write("cut.jpg", half), "cut.jpg"));
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        Path bomb = write("bomb.png", TestImages.pngBomb(100_000, 100_000));
        ImageRejected refused = assertThrows(ImageRejected.class, () -> pipeline.avatar(bomb, "bomb.png"));
        assertTrue(refused.getMessage().contains("over the pixel budget"), refused.getMessage());
    }

    @Test
    void aLineOfFiftyMillionPixelsIsRefusedFromItsHeader() throws Exception {
        // within the pixel budget, but decoders allocate whole rows: 50,000,000 x 1 would take hundreds of MB
        Path line = write("line.png", TestImages.pngBomb(50_000_000, 1));
        ImageRejected refused = assertThrows(ImageRejected.class, () -> pipeline.coverOriginal(line, "line.png"));
        assertTrue(refused.getMessage().contains("side over"), refused.getMessage());
        assertEquals(512, pipeline.avatar(write("wide.png",
                TestImages.encode(TestImages.quadrants(ImagePipeline.MAX_SIDE, 4), "png")), "wide.png").getWidth());
    }

    @Test
    void pixelBudgetIsConfigurable() throws Exception {
        Path upload = write("p.jpg", TestImages.encode(TestImages.quadrants(200, 100), "jpg"));
        assertThrows(ImageRejected.class, () -> new ImagePipeline(19_999).avatar(upload, "p.jpg"));
        assertEquals(512, new ImagePipeline(20_000).avatar(upload, "p.jpg").getWidth());
    }

    @Test
    void coverOriginalIs600WideAndKeepsItsProportions() throws Exception {
        Path upload = write("c.jpg", TestImages.encode(TestImages.quadrants(1800, 1200), "jpg"));
        BufferedImage original = pipeline.coverOriginal(upload, "c.jpg");
        assertEquals(600, original.getWidth());
        assertEquals(400, original.getHeight());
    }

    @Test
    void smallCoverIsEnlargedTo600() throws Exception {
        BufferedImage original = pipeline.coverOriginal(write("s.png", TestImages.encode(TestImages.quadrants(300, 150), "png")), "s.png");
        assertEquals(600, original.getWidth());
        assertEquals(300, original.getHeight());
    }

    @Test
    void sidewaysCoverIsTurnedBeforeScaling() throws Exception {
        // stored 400x800 with orientation 6: seen as 800x400, so the original is 600x300
        Path upload = write("c.jpg", TestImages.jpegWithExif(TestImages.quadrants(400, 800), 6, true));
        BufferedImage original = pipeline.coverOriginal(upload, "c.jpg");
        assertEquals(600, original.getWidth());
        assertEquals(300, original.getHeight());
        assertColour(BOTTOM_LEFT, original, 100, 50);
    }

    @Test
    void veryTallCoverKeepsItsMiddle() throws Exception {
        BufferedImage original = pipeline.coverOriginal(write("t.png", TestImages.encode(TestImages.quadrants(100, 1000), "png")), "t.png");
        assertEquals(600, original.getWidth());
        assertEquals(600 * ImagePipeline.COVER_MAX_ASPECT, original.getHeight());
    }

    @Test
    void coverWindowIsCutAtTheOffset() throws Exception {
        // twelve bands of 50 rows, grey 0, 20, 40, ... 220: row r has grey 20 * (r / 50)
        BufferedImage original = TestImages.bands(600, 600, 50);
        BufferedImage window = roundTrip(ImagePipeline.coverWindow(original, 100));
        assertEquals(600, window.getWidth());
        assertEquals(200, window.getHeight());
        assertGrey(40, window, 20);   // row 120
        assertGrey(100, window, 180); // row 280

        BufferedImage clamped = roundTrip(ImagePipeline.coverWindow(original, 10_000));
        assertGrey(160, clamped, 20);  // the window stops at the bottom: rows 400-599
        assertGrey(220, clamped, 180);

        BufferedImage negative = roundTrip(ImagePipeline.coverWindow(original, -30));
        assertGrey(0, negative, 20);
    }

    private static void assertGrey(int level, BufferedImage image, int y) {
        int rgb = image.getRGB(300, y);
        assertTrue(TestImages.near(rgb, new Color(level, level, level), 6),
                "row " + y + " expected grey " + level + " but was " + TestImages.describe(rgb));
    }

    private BufferedImage roundTrip(BufferedImage image) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".jpg");
        ImagePipeline.writeJpeg(image, out);
        return ImageIO.read(out.toFile());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertColour(Color expected, BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        assertTrue(TestImages.near(rgb, expected, TOLERANCE),
                "at " + x + "," + y + " expected " + TestImages.describe(expected.getRGB()) + " but was " + TestImages.describe(rgb));
    }
}
