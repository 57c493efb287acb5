package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
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
import org.twittner.media.control.VideoUploads;
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
    VideoUploads videos;

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
        videos.requireTools();
        swifts.checkRoom(userId);
        return videos.store(upload, fileName, MAX_VIDEO_SECONDS, "video_swift", "image_swift_poster", (source, poster, made) -> {
            swifts.saveDraft(userId, "video", source, poster, (int) Math.ceil(made.seconds() - 0.001));
            return new Uploaded(urls.url(source), "video");
        });
    }
}
