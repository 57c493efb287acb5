package org.twittner.media.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twittner.platform.TwittnerConfig;

/**
 * Avatar and cover changes. The image work runs outside any transaction (it takes a while and
 * needs no database); the finished files are then swapped in by {@link ProfileImageSwap}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProfileImages {

    @Inject
    TwittnerConfig config;

    @Inject
    MediaStore store;

    @Inject
    MediaUrls urls;

    @EJB
    ProfileImageSwap swap;

    /** Returns the new avatar's URL. */
    public String changeAvatar(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        BufferedImage avatar = pipeline().avatar(upload, fileName);
        String path = MediaPaths.newPath("avatars", "thumbnail_512x512", "jpg");
        store(avatar, path);
        swap.avatar(userId, path);
        return urls.url(path);
    }

    /** Keeps the upload scaled to 600 px wide, shows its middle 600x200; returns the shown cover's URL. */
    public String changeCover(long userId, Path upload, String fileName) throws ImageRejected, IOException {
        BufferedImage original = pipeline().coverOriginal(upload, fileName);
        Rectangle middle = CoverWindow.centred(original.getWidth(), original.getHeight());
        String originalPath = MediaPaths.newPath("covers", "image_cover_orig", "jpg");
        String coverPath = MediaPaths.newPath("covers", "image_cover_600x200", "jpg");
        store(original, originalPath);
        try {
            store(ImagePipeline.coverWindow(original, middle.y), coverPath);
        } catch (IOException | RuntimeException e) {
            store.delete(originalPath);
            throw e;
        }
        swap.cover(userId, coverPath, originalPath);
        return urls.url(coverPath);
    }

    /** Returns the URL of the cover cut at the new offset. */
    public String repositionCover(long userId, long topOffset) {
        return urls.url(swap.repositionCover(userId, topOffset));
    }

    private ImagePipeline pipeline() {
        return new ImagePipeline(config.imageMaxPixels());
    }

    private void store(BufferedImage image, String path) throws IOException {
        Path temp = store.newTempFile();
        try {
            ImagePipeline.writeJpeg(image, temp);
            store.put(temp, path);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
