package org.twittner.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.twittner.media.control.CoverWindow;
import org.twittner.media.control.ImagePipeline;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.ImageWorkers;
import org.twittner.media.control.MediaLedger;
import org.twittner.media.control.MediaPaths;
import org.twittner.media.control.MediaStore;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.TwittnerConfig;

/**
 * Avatar and cover changes. The image work runs outside any transaction (it takes a while and
 * needs no database), one image per processor at a time ({@link ImageWorkers}); the finished
 * files are then swapped in by {@link ProfileImageSwap}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProfileImages {

    /** The documented 400 of cover (and of cover_reposition without a usable cover). */
    public static final String COVER_INVALID = "Cover image is missing or invalid";

    @Inject
    TwittnerConfig config;

    @Inject
    MediaStore store;

    @Inject
    MediaUrls urls;

    @Inject
    ImageWorkers workers;

    @Inject
    ProfileImageSwap swap;

    @Inject
    Clock clock;

    @Inject
    MediaLedger ledger;

    /** Returns the new avatar's URL. */
    public String changeAvatar(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        String path = MediaPaths.newPath(clock.today(), "avatars", "thumbnail_512x512", "jpg");
        String token = ledger.expect(List.of(path));
        try {
            workers.run(() -> store(pipeline().avatar(upload, fileName), path));
            swap.avatar(userId, path);
        } finally {
            ledger.settle(token); // named by the committed row, or deleted
        }
        return urls.url(path);
    }

    /** Keeps the upload scaled to 600 px wide, shows its middle 600x200; returns the shown cover's URL. */
    public String changeCover(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        String originalPath = MediaPaths.newPath(clock.today(), "covers", "image_cover_orig", "jpg");
        String coverPath = MediaPaths.newPath(clock.today(), "covers", "image_cover_600x200", "jpg");
        String token = ledger.expect(List.of(originalPath, coverPath));
        try {
            storeCover(upload, fileName, originalPath, coverPath);
            swap.cover(userId, coverPath, originalPath);
        } finally {
            ledger.settle(token);
        }
        return urls.url(coverPath);
    }

    private void storeCover(Path upload, String fileName, String originalPath, String coverPath)
            throws ImageRejected, IOException {
        workers.run(() -> {
            BufferedImage original = store(pipeline().coverOriginal(upload, fileName), originalPath);
            Rectangle middle = CoverWindow.centred(original.getWidth(), original.getHeight());
            try {
                return store(ImagePipeline.coverWindow(original, middle.y), coverPath);
            } catch (IOException | RuntimeException e) {
                store.delete(originalPath);
                throw e;
            }
        });
    }

    /**
     * Cuts the shown cover from the kept original at a new top offset; returns its URL. A cover
     * upload that lands meanwhile makes the cut outdated: it is then made again from the new
     * original. Should uploads keep landing, the last attempt cuts under the user's row lock,
     * where nothing can replace the original: the caller always gets an answer, and the last
     * writer's picture stays.
     */
    public String repositionCover(long userId, long topOffset) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            String original = swap.coverOriginal(userId);
            Cut cut = cut(original, topOffset);
            if (cut == null) {
                if (!swap.coverOriginal(userId).equals(original)) {
                    continue; // a cover upload replaced (and deleted) it meanwhile
                }
                throw new ApiException(400, COVER_INVALID); // none yet, or broken
            }
            try {
                if (swap.repositionedCover(userId, cut.path(), original)) {
                    return urls.url(cut.path());
                }
            } finally {
                ledger.settle(cut.token());
            }
        }
        List<String> tokens = new java.util.ArrayList<>();
        try {
            return urls.url(swap.repositionLocked(userId, original -> {
                Cut cut = cut(original, topOffset);
                if (cut == null) {
                    throw new ApiException(400, COVER_INVALID);
                }
                tokens.add(cut.token());
                return cut.path();
            }));
        } finally {
            tokens.forEach(ledger::settle);
        }
    }

    /** A cover file cut and written, with its ledger token. */
    private record Cut(String path, String token) {
    }

    /** A new cover file cut from the stored original, or null when the original is unusable. */
    private Cut cut(String original, long topOffset) throws IOException {
        BufferedImage window;
        try {
            window = workers.run(() -> ImagePipeline.coverWindow(ImagePipeline.readStored(store.locate(original)), topOffset));
        } catch (ImageRejected | IOException unreadable) {
            return null;
        }
        String cover = MediaPaths.newPath(clock.today(), "covers", "image_cover", "jpg");
        String token = ledger.expect(List.of(cover)); // settled by the caller once the swap is decided
        store(window, cover);
        return new Cut(cover, token);
    }

    private ImagePipeline pipeline() {
        return new ImagePipeline(config.imageMaxPixels());
    }

    /** Writes the image as a JPEG to a stored path; returns the image. */
    private BufferedImage store(BufferedImage image, String path) throws IOException {
        store.putJpeg(image, path);
        return image;
    }
}
