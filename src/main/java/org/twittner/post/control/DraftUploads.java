package org.twittner.post.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
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
 * upload_post_media: the file work, outside any transaction (it takes a while and needs no
 * database), then {@link Drafts#add} records it. Images: the original scaled to the configured
 * longest side and the 300x300 thumbnail posts show, both JPEG without metadata. Videos: checked
 * with ffprobe, copied without metadata, with a poster frame.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DraftUploads {

    public static final int THUMBNAIL = 300;

    /** The data of upload_post_media's answer; null components are left out. */
    public record Uploaded(long mediaId, String type, String url, String source, String poster) {
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
    Drafts drafts;

    public Uploaded image(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        drafts.checkRoom(userId, "image");
        String original = MediaPaths.newPath(clock.today(), "images", "image_original", "jpg");
        String thumb = MediaPaths.newPath(clock.today(), "images", "image_300x300", "jpg");
        String token = ledger.expect(List.of(original, thumb));
        try {
            workers.run(() -> {
                BufferedImage image = new ImagePipeline(config.imageMaxPixels())
                        .bounded(upload, fileName, config.postImageMaxSide());
                write(image, original);
                return write(ImagePipeline.squareThumbnail(image, THUMBNAIL), thumb);
            });
            long id = drafts.add(userId, "image", original, thumb);
            return new Uploaded(id, "Image", urls.url(thumb), null, null);
        } catch (IOException | ImageRejected | RuntimeException failed) {
            store.delete(original);
            store.delete(thumb);
            throw failed;
        } finally {
            ledger.settle(token);
        }
    }

    public Uploaded video(long userId, Path upload, String fileName) throws VideoRejected, IOException {
        videos.requireTools();
        drafts.checkRoom(userId, "video");
        return videos.store(upload, fileName, 0, "video_original", "image_poster", (source, poster, made) -> {
            long id = drafts.add(userId, "video", source, poster);
            return new Uploaded(id, "Video", urls.url(source), urls.url(source), urls.url(poster));
        });
    }

    private BufferedImage write(BufferedImage image, String path) throws IOException {
        store.putJpeg(image, path);
        return image;
    }
}
