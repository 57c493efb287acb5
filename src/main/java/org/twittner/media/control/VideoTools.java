package org.twittner.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.JsonParts;
import org.twittner.platform.TwittnerConfig;

/**
 * Turns an uploaded video into the file the API serves, and its poster, with ffprobe and ffmpeg.
 *
 * <ul>
 * <li>The extension must be mp4/mov/3gp/webm, and the content must be of the same family: the
 * demuxer is forced from the extension, so ffmpeg never guesses (a renamed playlist or concat
 * list would otherwise make it open other files), and only the {@code file} protocol is
 * allowed.</li>
 * <li>One video stream of a codec phones play, audio (if any) likewise, at most
 * {@value #MAX_SIDE} px a side, a positive duration.</li>
 * <li>The served copy carries no metadata (phones put GPS there) and one video and one audio
 * stream. Streams are copied, not re-encoded, unless the clip is cut to the length limit (a cut
 * by copy ends on a packet, not on the time) or the codec does not fit the container (3gp's
 * H.263 and AMR in mp4).</li>
 * <li>Every run is bounded: an explicit argument list (no shell), absolute paths (never read as
 * an option), a timeout, captured output capped, and at most one ffmpeg per processor across
 * the server.</li>
 * </ul>
 */
@ApplicationScoped
public class VideoTools {

    /** A processed video: the served file's extension ("mp4" or "webm"), length and shown size. */
    public record Video(String extension, double seconds, int width, int height) {
    }

    public static final Set<String> EXTENSIONS = Set.of("mp4", "mov", "3gp", "webm");
    static final int MAX_SIDE = 4096;
    static final Set<String> VIDEO_CODECS = Set.of("h264", "hevc", "mpeg4", "h263", "vp8", "vp9", "av1");
    static final Set<String> AUDIO_CODECS = Set.of("aac", "mp3", "opus", "vorbis", "amr_nb", "amr_wb");
    /** The poster is the frame at 3 s (as the reference does), or at half a shorter clip. */
    static final double POSTER_AT_SECONDS = 3;
    static final int POSTER_MAX_SIDE = 1280;
    static final int PROBE_TIMEOUT_SECONDS = 15;
    static final int FFMPEG_TIMEOUT_SECONDS = 60;
    static final int VERSION_TIMEOUT_SECONDS = 5;
    static final int MAX_WAIT_SECONDS = 30;
    static final int MAX_LOG_BYTES = 64 * 1024;
    static final int MAX_JSON_BYTES = 1024 * 1024;
    private static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = Logger.getLogger(VideoTools.class.getName());

    /**
     * One ffmpeg per processor, server-wide (static: every instance shares it), first come first
     * served: each run uses the CPU fully, so more at once would only make all of them late.
     */
    private static final Semaphore PERMITS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /** The two kinds of container served; mov and 3gp become mp4. */
    private enum Family {
        MP4("mov", "mov,mp4,m4a,3gp,3g2,mj2", "mp4",
                List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",
                        // 4:2:0 needs even sides
                        "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:a", "aac", "-b:a", "128k",
                        "-movflags", "+faststart")),
        // VP9 in realtime mode cuts 10 s of 720p in about 3 s here; a copy would end up to a frame late
        WEBM("matroska", "matroska,webm", "webm",
                List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1",
                        "-crf", "32", "-b:v", "0", "-pix_fmt", "yuv420p", "-c:a", "libopus", "-b:a", "96k"));

        final String demuxer;
        final String formatName;
        final String extension;
        final List<String> encode;

        Family(String demuxer, String formatName, String extension, List<String> encode) {
            this.demuxer = demuxer;
            this.formatName = formatName;
            this.extension = extension;
            this.encode = encode;
        }

        static Family of(String extension) {
            return "webm".equals(extension) ? WEBM : MP4;
        }

        /** The muxer options of a stream copy. */
        List<String> copy() {
            return this == MP4 ? List.of("-c", "copy", "-movflags", "+faststart") : List.of("-c", "copy");
        }
    }

    /** What ffprobe found: the streams kept and the shown size (after rotation). */
    private record Probe(int videoIndex, int audioIndex, double seconds, int width, int height) {
    }

    @Inject
    TwittnerConfig config;

    private String ffmpeg;
    private String ffprobe;

    private final Object availability = new Object();
    private volatile boolean available;
    private long checkedAt;
    private boolean checked;

    /** For CDI: the commands are read from {@link TwittnerConfig} when first needed. */
    public VideoTools() {
    }

    /** For tests: fixed commands. */
    VideoTools(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /**
     * Whether ffprobe and ffmpeg both run. A success is kept; a failure is checked again at most
     * once a minute, so installing ffmpeg later works without a restart.
     */
    public boolean available() {
        if (available) {
            return true;
        }
        synchronized (availability) {
            if (available || (checked && System.nanoTime() - checkedAt < RECHECK_NANOS)) {
                return available;
            }
            boolean runs = runs(ffprobe()) && runs(ffmpeg());
            if (!runs && !checked) {
                LOG.warning("ffprobe (" + ffprobe() + ") or ffmpeg (" + ffmpeg() + ") does not run: videos are"
                        + " refused until they do (Debian: apt-get install ffmpeg)");
            }
            checked = true;
            checkedAt = System.nanoTime();
            available = runs;
            return runs;
        }
    }

    /**
     * Checks an upload and writes the served video and its JPEG poster. A clip longer than
     * {@code maxSeconds} (when positive) is cut to it. On any failure neither output is left.
     */
    public Video process(Path upload, String fileName, Path videoOut, Path posterOut, double maxSeconds)
            throws VideoRejected, IOException {
        // absolute paths start with '/': ffmpeg can never take one for an option or a protocol
        Path in = upload.toAbsolutePath();
        Path out = videoOut.toAbsolutePath();
        Path poster = posterOut.toAbsolutePath();
        boolean done = false;
        try {
            String extension = ImagePipeline.extension(fileName);
            if (!EXTENSIONS.contains(extension)) {
                throw new VideoRejected("extension '" + extension + "' is not an accepted video type");
            }
            Family family = Family.of(extension);
            acquire();
            try {
                Probe source = probe(in, family);
                boolean cut = maxSeconds > 0 && source.seconds > maxSeconds;
                write(in, family, source, cut ? maxSeconds : 0, out);
                Probe written = probe(out, family);
                poster(out, family, written, poster);
                done = true;
                return new Video(family.extension, written.seconds, written.width, written.height);
            } finally {
                PERMITS.release();
            }
        } finally {
            if (!done) {
                deleteQuietly(out);
                deleteQuietly(poster);
            }
        }
    }

    private static void acquire() throws IOException {
        try {
            if (!PERMITS.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("a video waited " + MAX_WAIT_SECONDS + " s for ffmpeg and was refused;"
                        + " videos arrive faster than they are processed");
                throw new IOException("busy: no ffmpeg slot within " + MAX_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for ffmpeg");
        }
    }

    private Probe probe(Path file, Family family) throws VideoRejected, IOException {
        Result result = run(List.of(ffprobe(), "-v", "error", "-protocol_whitelist", "file",
                "-f", family.demuxer, "-print_format", "json", "-show_format", "-show_streams",
                file.toString()), PROBE_TIMEOUT_SECONDS, MAX_JSON_BYTES);
        if (result.exit != 0) {
            throw new VideoRejected("not a ." + family.extension + "-family video: " + result.errors());
        }
        if (result.outTruncated) {
            throw new VideoRejected("ffprobe described it in over " + MAX_JSON_BYTES + " bytes");
        }
        try (JsonReader reader = JsonParts.reader(new StringReader(result.out))) {
            return accept(reader.readObject(), family);
        } catch (RuntimeException unexpected) { // JsonException, or a field of another type
            throw new VideoRejected("unreadable ffprobe output: " + unexpected);
        }
    }

    /** The checks on ffprobe's description; the first playable video and audio streams are kept. */
    private static Probe accept(JsonObject root, Family family) throws VideoRejected {
        JsonObject format = root.getJsonObject("format");
        String formatName = format == null ? "" : format.getString("format_name", "");
        if (!formatName.contains(family.formatName)) {
            throw new VideoRejected("container '" + formatName + "' is not " + family.formatName);
        }
        JsonArray streams = root.getJsonArray("streams");
        JsonObject video = null;
        JsonObject audio = null;
        for (JsonValue value : streams == null ? JsonValue.EMPTY_JSON_ARRAY : streams) {
            JsonObject stream = value.asJsonObject();
            String codec = stream.getString("codec_name", "");
            switch (stream.getString("codec_type", "")) {
                case "video" -> {
                    // a cover picture (attached_pic) is a video stream too; it is not the video
                    if (video == null && VIDEO_CODECS.contains(codec) && !attachedPicture(stream)) {
                        video = stream;
                    }
                }
                case "audio" -> {
                    if (!AUDIO_CODECS.contains(codec)) {
                        throw new VideoRejected("audio codec '" + codec + "' is not accepted");
                    }
                    if (audio == null) {
                        audio = stream;
                    }
                }
                default -> {
                    // subtitles, data (timecodes, Apple's location track): never copied
                }
            }
        }
        if (video == null) {
            throw new VideoRejected("no video stream of an accepted codec");
        }
        int width = video.getInt("width", 0);
        int height = video.getInt("height", 0);
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new VideoRejected(width + "x" + height + " is empty or has a side over " + MAX_SIDE + " pixels");
        }
        double seconds = seconds(format);
        if (!(seconds > 0)) {
            seconds = seconds(video);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new VideoRejected("no duration");
        }
        boolean sideways = Math.abs(rotation(video)) % 180 == 90;
        return new Probe(video.getInt("index"), audio == null ? -1 : audio.getInt("index"), seconds,
                sideways ? height : width, sideways ? width : height);
    }

    private static boolean attachedPicture(JsonObject stream) {
        JsonObject disposition = stream.getJsonObject("disposition");
        return disposition != null && disposition.getInt("attached_pic", 0) != 0;
    }

    /** ffprobe writes durations as strings ("5.000000"); NaN when absent or unreadable. */
    private static double seconds(JsonObject object) {
        JsonValue value = object == null ? null : object.get("duration");
        try {
            if (value instanceof JsonString text) {
                return Double.parseDouble(text.getString());
            }
            return value instanceof JsonNumber number ? number.doubleValue() : Double.NaN;
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /** Degrees the picture is turned when shown: the display matrix (the "rotate" tag before ffmpeg 5). */
    private static long rotation(JsonObject stream) {
        JsonArray sideData = stream.getJsonArray("side_data_list");
        if (sideData != null) {
            for (JsonValue value : sideData) {
                JsonValue rotation = value.asJsonObject().get("rotation");
                if (rotation instanceof JsonNumber degrees) {
                    return Math.round(degrees.doubleValue());
                }
            }
        }
        JsonObject tags = stream.getJsonObject("tags");
        try {
            return tags == null ? 0 : Math.round(Double.parseDouble(tags.getString("rotate", "0")));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /**
     * The served copy: streams copied when possible; re-encoded when cutting (so the cut is exact)
     * or when the codecs do not fit the output container.
     */
    private void write(Path in, Family family, Probe source, double cutAt, Path out)
            throws VideoRejected, IOException {
        if (cutAt <= 0) {
            Result copy = ffmpeg(in, family, source, family.copy(), out);
            if (copy.exit == 0) {
                return;
            }
            LOG.fine(() -> "stream copy failed, re-encoding: " + copy.errors());
        }
        List<String> encode = new ArrayList<>();
        if (cutAt > 0) {
            encode.add("-t");
            encode.add(String.format(Locale.ROOT, "%.3f", cutAt));
        }
        encode.addAll(family.encode);
        Result encoded = ffmpeg(in, family, source, encode, out);
        if (encoded.exit != 0) {
            throw new VideoRejected("ffmpeg could not convert it: " + encoded.errors());
        }
    }

    private Result ffmpeg(Path in, Family family, Probe source, List<String> options, Path out)
            throws VideoRejected, IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg(), "-nostdin", "-v", "error", "-y",
                "-protocol_whitelist", "file", "-f", family.demuxer, "-i", in.toString(),
                "-map", "0:" + source.videoIndex));
        if (source.audioIndex >= 0) {
            command.addAll(List.of("-map", "0:" + source.audioIndex));
        }
        command.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1"));
        command.addAll(options);
        command.addAll(List.of("-f", family.extension, out.toString()));
        return run(command, FFMPEG_TIMEOUT_SECONDS, MAX_LOG_BYTES);
    }

    /**
     * A JPEG of the frame at {@value #POSTER_AT_SECONDS} s (half-way in a shorter clip), turned
     * as shown and no larger than {@value #POSTER_MAX_SIDE} px a side. Taken from the served copy.
     */
    private void poster(Path video, Family family, Probe written, Path poster) throws VideoRejected, IOException {
        double at = Math.min(POSTER_AT_SECONDS, written.seconds / 2);
        for (double seek : at > 0 ? new double[] {at, 0} : new double[] {0}) {
            Result result = run(List.of(ffmpeg(), "-nostdin", "-v", "error", "-y",
                    "-protocol_whitelist", "file", "-f", family.demuxer,
                    "-ss", String.format(Locale.ROOT, "%.3f", seek), "-i", video.toString(),
                    "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale='min(" + POSTER_MAX_SIDE + ",iw)':'min(" + POSTER_MAX_SIDE + ",ih)'"
                            + ":force_original_aspect_ratio=decrease",
                    // -update 1: the name is a file name, never a numbered pattern ('%d')
                    "-c:v", "mjpeg", "-q:v", "3", "-update", "1", "-f", "image2", poster.toString()),
                    FFMPEG_TIMEOUT_SECONDS, MAX_LOG_BYTES);
            if (result.exit != 0) {
                throw new VideoRejected("no poster frame: " + result.errors());
            }
            // a seek past the last decodable frame writes nothing: then the first frame it is
            if (Files.exists(poster) && Files.size(poster) > 0) {
                return;
            }
        }
        throw new VideoRejected("no frame to make a poster of");
    }

    private String ffmpeg() {
        return ffmpeg != null ? ffmpeg : config.ffmpeg();
    }

    private String ffprobe() {
        return ffprobe != null ? ffprobe : config.ffprobe();
    }

    private static boolean runs(String command) {
        try {
            return run(List.of(command, "-version"), VERSION_TIMEOUT_SECONDS, MAX_LOG_BYTES).exit == 0;
        } catch (IOException | VideoRejected | RuntimeException cannotRun) {
            return false;
        }
    }

    /** A finished run: exit code and captured (capped) output. */
    private record Result(int exit, String out, boolean outTruncated, String err) {

        /** The end of stderr, where ffmpeg says what failed, for a log line. */
        String errors() {
            String text = err.strip().replace('\n', ' ');
            return "exit " + exit + (text.isEmpty() ? "" : ": " + (text.length() > 500
                    ? "..." + text.substring(text.length() - 500) : text));
        }
    }

    /**
     * Runs a command: no shell, stdin closed, stdout and stderr each read by a thread of its own
     * (kept up to a cap, the rest drained, so the process never blocks on a full pipe), and
     * killed after {@code timeoutSeconds}.
     */
    private static Result run(List<String> command, int timeoutSeconds, int maxOut)
            throws VideoRejected, IOException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        Capture out = Capture.start(process.getInputStream(), maxOut, command.get(0));
        Capture err = Capture.start(process.getErrorStream(), MAX_LOG_BYTES, command.get(0));
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new VideoRejected(command.get(0) + " took over " + timeoutSeconds + " s");
            }
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + command.get(0) + " ran");
        }
        return new Result(process.exitValue(), out.text(), out.truncated(), err.text());
    }

    /** Reads a stream to its end, keeping the first {@code max} bytes. */
    private static final class Capture extends Thread {
        private final InputStream input;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        private Capture(InputStream input, int max, String name) {
            super("video-tools-" + name);
            this.input = input;
            this.max = max;
            setDaemon(true);
        }

        static Capture start(InputStream input, int max, String name) {
            Capture capture = new Capture(input, max, name);
            capture.start();
            return capture;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (input) {
                for (int n; (n = input.read(buffer)) >= 0;) {
                    synchronized (kept) {
                        int keep = Math.min(n, max - kept.size());
                        kept.write(buffer, 0, Math.max(0, keep));
                        if (keep < n) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException closed) {
                // the process was killed: what was read is all there is
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }

        boolean truncated() {
            return truncated;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete " + file, e);
        }
    }
}
