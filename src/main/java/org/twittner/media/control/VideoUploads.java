package org.twittner.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;

/**
 * A video upload made into stored files (the served video and its poster) for a component that
 * then records them: checked and processed by {@link VideoTools}, written under new paths that
 * the {@link MediaLedger} expects, and deleted again if the recording fails. Call it outside any
 * transaction: processing takes seconds.
 */
@ApplicationScoped
public class VideoUploads {

    public static final String NO_VIDEO_TOOLS = "Video uploads are not available on this server";

    /** Records the stored files (in the component's own transaction) and gives the upload's answer. */
    @FunctionalInterface
    public interface Recorder<T> {
        T record(String source, String poster, VideoTools.Video video);
    }

    @Inject
    VideoTools video;

    @Inject
    MediaStore store;

    @Inject
    MediaLedger ledger;

    @Inject
    Clock clock;

    /** The documented refusal when ffmpeg or ffprobe does not run here. */
    public void requireTools() {
        if (!video.available()) {
            throw new ApiException(400, NO_VIDEO_TOOLS);
        }
    }

    /**
     * Processes {@code upload} (cut to {@code maxSeconds} when positive), stores the video as
     * {@code videos/<videoKind>} and the poster as {@code images/<posterKind>}, and hands both paths
     * to {@code recorder}; on any failure neither file is left.
     */
    public <T> T store(Path upload, String fileName, double maxSeconds, String videoKind, String posterKind,
            Recorder<T> recorder) throws VideoRejected, IOException {
        requireTools();
        Path videoTemp = store.newTempFile();
        Path posterTemp = store.newTempFile();
        String source = null;
        String poster = MediaPaths.newPath(clock.today(), "images", posterKind, "jpg");
        String token = null;
        try {
            VideoTools.Video made = video.process(upload, fileName, videoTemp, posterTemp, maxSeconds);
            source = MediaPaths.newPath(clock.today(), "videos", videoKind, made.extension());
            token = ledger.expect(List.of(source, poster));
            store.put(videoTemp, source);
            store.put(posterTemp, poster);
            return recorder.record(source, poster, made);
        } catch (IOException | VideoRejected | RuntimeException failed) {
            if (source != null) {
                store.delete(source);
            }
            store.delete(poster);
            throw failed;
        } finally {
            Files.deleteIfExists(videoTemp);
            Files.deleteIfExists(posterTemp);
            if (token != null) {
                ledger.settle(token);
            }
        }
    }
}
