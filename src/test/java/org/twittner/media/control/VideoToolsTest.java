package org.twittner.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real ffprobe and ffmpeg on clips made by ffmpeg itself. Without ffmpeg these tests
 * fail (the server would refuse every video): install it.
 */
class VideoToolsTest {

    private static final String LOCATION = "+48.8577+002.2950/";

    @TempDir
    static Path clips;

    @TempDir
    Path dir;

    private final VideoTools tools = new VideoTools("ffmpeg", "ffprobe");

    @BeforeAll
    static void makeClips() throws Exception {
        if (!new VideoTools("ffmpeg", "ffprobe").available()) {
            fail("ffmpeg and ffprobe must be on the PATH for the video tests (and for video uploads):"
                    + " install the Debian ffmpeg package (apt-get install ffmpeg)");
        }
        String test = "testsrc=duration=5:size=320x240:rate=25";
        String sine = "sine=duration=5";
        ffmpeg("-f", "lavfi", "-i", test, "-f", "lavfi", "-i", sine, "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-metadata", "location=" + LOCATION, "-metadata", "title=secret", clip("clip.mp4"));
        ffmpeg("-f", "lavfi", "-i", test, "-f", "lavfi", "-i", sine, "-c:v", "libvpx", "-deadline", "realtime",
                "-c:a", "libopus", "-metadata", "title=secret", clip("clip.webm"));
        // 3gp as old phones make it: H.263, which mp4 cannot carry, so it is re-encoded
        ffmpeg("-f", "lavfi", "-i", "testsrc=duration=5:size=176x144:rate=15", "-f", "lavfi", "-i",
                "sine=duration=5:sample_rate=8000", "-c:v", "h263", "-c:a", "aac", "-ac", "1",
                "-metadata", "title=secret", clip("clip.3gp"));
        ffmpeg("-f", "lavfi", "-i", "testsrc=duration=12:size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=duration=12", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", clip("long.mp4"));
        ffmpeg("-f", "lavfi", "-i", "testsrc=duration=12:size=320x240:rate=25", "-c:v", "libvpx-vp9",
                "-deadline", "realtime", "-cpu-used", "8", clip("long.webm"));
        // filmed holding the phone upright: stored 320x240, shown 240x320
        ffmpeg("-i", clip("clip.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", clip("upright.mp4"));
        ffmpeg("-f", "lavfi", "-i", "testsrc=duration=1:size=1920x1080:rate=25", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", clip("full-hd.mp4"));
        ffmpeg("-f", "lavfi", "-i", sine, "-c:a", "aac", clip("audio.mp4"));
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1", clip("picture.jpg"));
        Files.writeString(clips.resolve("notes.txt"), "not a video\n");
    }

    @Test
    void mp4IsCopiedWithoutMetadata() throws Exception {
        VideoTools.Video video = process("clip.mp4", "clip.mp4", 140);
        assertEquals(new VideoTools.Video("mp4", video.seconds(), 320, 240), video);
        assertEquals(5.0, video.seconds(), 0.2);
        JsonObject probe = probe(out());
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", probe.getJsonObject("format").getString("format_name"));
        assertEquals(5.0, duration(probe), 0.2);
        assertEquals(List.of("h264", "aac"), codecs(probe));
        assertNoTags(probe);
        String bytes = new String(Files.readAllBytes(out()), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("48.8577"), "the location is gone from the file");
        assertFalse(bytes.contains("secret"), "the title is gone from the file");
        assertPoster(320, 240);
    }

    @Test
    void movAndUpperCaseExtensionsAreAccepted() throws Exception {
        VideoTools.Video video = process("clip.mp4", "IMG_0001.MOV", 0);
        assertEquals("mp4", video.extension());
        assertEquals(5.0, duration(probe(out())), 0.2);
    }

    @Test
    void webmStaysWebm() throws Exception {
        VideoTools.Video video = process("clip.webm", "clip.webm", 140);
        assertEquals(new VideoTools.Video("webm", video.seconds(), 320, 240), video);
        JsonObject probe = probe(out());
        assertEquals("matroska,webm", probe.getJsonObject("format").getString("format_name"));
        assertEquals(5.0, duration(probe), 0.2);
        assertEquals(List.of("vp8", "opus"), codecs(probe));
        assertFalse(new String(Files.readAllBytes(out()), StandardCharsets.ISO_8859_1).contains("secret"));
        assertPoster(320, 240);
    }

    @Test
    void threeGpWithH263IsReencodedToMp4() throws Exception {
        VideoTools.Video video = process("clip.3gp", "old-phone.3gp", 140);
        assertEquals(new VideoTools.Video("mp4", video.seconds(), 176, 144), video);
        JsonObject probe = probe(out());
        assertEquals(List.of("h264", "aac"), codecs(probe));
        assertEquals(5.0, duration(probe), 0.2);
        assertNoTags(probe);
        assertPoster(176, 144);
    }

    @Test
    void aLongClipIsCutToTheLimit() throws Exception {
        VideoTools.Video video = process("long.mp4", "long.mp4", 10);
        double seconds = duration(probe(out()));
        assertTrue(seconds <= 10.05 && seconds >= 9.9, "cut to 10 s: " + seconds);
        assertEquals(seconds, video.seconds(), 0.01);
        assertEquals(List.of("h264", "aac"), codecs(probe(out())));
        assertPoster(320, 240);
    }

    @Test
    void aLongWebmIsCutToTheLimit() throws Exception {
        VideoTools.Video video = process("long.webm", "long.webm", 10);
        double seconds = duration(probe(out()));
        assertTrue(seconds <= 10.05 && seconds >= 9.9, "cut to 10 s: " + seconds);
        assertEquals("webm", video.extension());
    }

    @Test
    void aClipWithinTheLimitIsNotCut() throws Exception {
        process("long.mp4", "long.mp4", 12.5);
        assertEquals(12.0, duration(probe(out())), 0.2);
    }

    @Test
    void sizeIsAsShownAfterRotation() throws Exception {
        VideoTools.Video video = process("upright.mp4", "upright.mp4", 140);
        assertEquals(240, video.width());
        assertEquals(320, video.height());
        assertPoster(240, 320);
    }

    @Test
    void posterIsAtMost1280() throws Exception {
        VideoTools.Video video = process("full-hd.mp4", "full-hd.mp4", 140);
        assertEquals(1920, video.width());
        assertPoster(1280, 720);
    }

    @Test
    void whatIsNotAVideoIsRefusedAndLeavesNoFile() throws Exception {
        assertRefused("picture.jpg", "clip.mp4");
        assertRefused("audio.mp4", "song.mp4");
        assertRefused("notes.txt", "clip.webm");
        assertRefused("notes.txt", "clip.3gp");
        assertRefused("clip.mp4", "clip.avi");
        assertRefused("clip.mp4", "clip");
        assertRefused("clip.mp4", null);
        // the content must be of the extension's family
        assertRefused("clip.webm", "clip.mp4");
        assertRefused("clip.mp4", "clip.webm");
    }

    @Test
    void aMissingCommandIsNotAvailable() {
        assertFalse(new VideoTools("/nonexistent/ffmpeg", "ffprobe").available());
        assertFalse(new VideoTools("ffmpeg", "/nonexistent/ffprobe").available());
        assertTrue(tools.available());
    }

    @Test
    void aMissingCommandIsAnIoFailureNotARefusal() throws Exception {
        VideoTools missing = new VideoTools("/nonexistent/ffmpeg", "/nonexistent/ffprobe");
        Path upload = copy("clip.mp4");
        assertThrows(IOException.class, () -> missing.process(upload, "clip.mp4", out(), poster(), 0));
    }

    // --- helpers

    private VideoTools.Video process(String clip, String fileName, double maxSeconds) throws Exception {
        Path upload = copy(clip);
        return tools.process(upload, fileName, out(), poster(), maxSeconds);
    }

    private void assertRefused(String clip, String fileName) throws Exception {
        Path upload = copy(clip);
        Files.write(out(), new byte[0]); // as the store hands out empty temporary files
        assertThrows(VideoRejected.class, () -> tools.process(upload, fileName, out(), poster(), 0),
                clip + " as " + fileName);
        assertFalse(Files.exists(out()), "no video left after refusing " + clip + " as " + fileName);
        assertFalse(Files.exists(poster()), "no poster left after refusing " + clip + " as " + fileName);
    }

    private void assertPoster(int width, int height) throws IOException {
        BufferedImage poster = ImageIO.read(poster().toFile());
        assertNotNull(poster, "the poster is a readable image");
        byte[] bytes = Files.readAllBytes(poster());
        assertTrue((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8, "the poster is a JPEG");
        assertEquals(width, poster.getWidth());
        assertEquals(height, poster.getHeight());
    }

    private static void assertNoTags(JsonObject probe) {
        JsonObject tags = probe.getJsonObject("format").getJsonObject("tags");
        if (tags != null) {
            for (String tag : tags.keySet()) {
                assertFalse(tag.startsWith("location") || tag.equals("title"), "tag left: " + tag);
            }
        }
    }

    private Path copy(String clip) throws IOException {
        // odd names as uploads get them; the pipeline must not care
        return Files.copy(clips.resolve(clip), dir.resolve("-upload %d.part"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Path out() {
        return dir.resolve("-video %d.part");
    }

    private Path poster() {
        return dir.resolve("-poster %d.part");
    }

    private static String clip(String name) {
        return clips.resolve(name).toString();
    }

    private static double duration(JsonObject probe) {
        return Double.parseDouble(probe.getJsonObject("format").getString("duration"));
    }

    private static List<String> codecs(JsonObject probe) {
        List<String> codecs = new ArrayList<>();
        for (JsonValue stream : probe.getJsonArray("streams")) {
            codecs.add(stream.asJsonObject().getString("codec_name"));
        }
        return codecs;
    }

    private static JsonObject probe(Path file) throws Exception {
        String json = run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toAbsolutePath().toString()));
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        assertEquals(0, process.exitValue(), "failed: " + command);
        return out;
    }
}
