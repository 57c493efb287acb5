package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.twittner.media.control.ImagePipeline;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.ImageWorkers;
import org.twittner.media.control.MediaLedger;
import org.twittner.media.control.MediaPaths;
import org.twittner.media.control.MediaStore;
import org.twittner.media.control.MediaUrls;
import org.twittner.media.control.VideoRejected;
import org.twittner.media.control.VideoTools;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.TwittnerConfig;

/**
 * upload_swift_media: the file work, outside any transaction (it takes a while and needs no
 * database), then {@link Swifts#saveDraft} makes it the caller's draft. Images: scaled to fit a
 * phone screen, JPEG without metadata. Videos: checked with ffprobe, cut to their first
 * {@value #MAX_VIDEO_SECONDS} seconds, without metadata, with a poster frame.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SwiftUploads {

    /** A phone screen's longest side (1080 x 1920 and the like). */
    public static final int IMAGE_MAX_SIDE = 1920;
    public static final double MAX_VIDEO_SECONDS = 10;
    public static final String NO_VIDEO_TOOLS = "Video uploads are not available on this server";

    /** upload_swift_media's answer: the file's URL and its type, "image" or "video". */
    public record Uploaded(String url, String type) {
    }

    @Inject
    TwittnerConfig config;

    @Inject
    MediaStore store;

    @Inject
    MediaUrls urls;

    @Inject
    ImageWorkers workers;

    @Inject
    VideoTools video;

    @Inject
    MediaLedger ledger;

    @Inject
    Clock clock;

    @Inject
    Swifts swifts;

    public Uploaded image(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        swifts.checkRoom(userId);
        String path = MediaPaths.newPath(clock.today(), "images", "image_swift", "jpg");
        String token = ledger.expect(List.of(path));
        try {
            workers.run(() -> {
                store.putJpeg(new ImagePipeline(config.imageMaxPixels()).bounded(upload, fileName, IMAGE_MAX_SIDE), path);
                return null;
            });
            swifts.saveDraft(userId, "image", path, "", 0);
            return new Uploaded(urls.url(path), "image");
        } catch (IOException | ImageRejected | RuntimeException failed) {
            store.delete(path);
            throw failed;
        } finally {
            ledger.settle(token);
        }
    }

    public Uploaded video(long userId, Path upload, String fileName) throws VideoRejected, IOException {
        if (!video.available()) {
            throw new ApiException(400, NO_VIDEO_TOOLS);
        }
        swifts.checkRoom(userId);
        Path videoTemp = store.newTempFile();
        Path posterTemp = store.newTempFile();
        String source = null;
        String poster = MediaPaths.newPath(clock.today(), "images", "image_swift_poster", "jpg");
        String token = null;
        try {
            VideoTools.Video made = video.process(upload, fileName, videoTemp, posterTemp, MAX_VIDEO_SECONDS);
            source = MediaPaths.newPath(clock.today(), "videos", "video_swift", made.extension());
            token = ledger.expect(List.of(source, poster));
            store.put(videoTemp, source);
            store.put(posterTemp, poster);
            swifts.saveDraft(userId, "video", source, poster, (int) Math.ceil(made.seconds() - 0.001));
            return new Uploaded(urls.url(source), "video");
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
