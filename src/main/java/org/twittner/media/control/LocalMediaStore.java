package org.twittner.media.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.TempFiles;
import org.twittner.platform.TwittnerConfig;

/**
 * Media files under {@code TWITTNER_MEDIA_DIR}: the stored path {@code upload/avatars/x.jpg} is
 * the file {@code <media dir>/avatars/x.jpg} and the URL {@code /upload/avatars/x.jpg}.
 * Temporary files live in {@code <media dir>/.tmp} ({@link TempFiles}), on the same file
 * system, so the final move is atomic.
 */
@ApplicationScoped
public class LocalMediaStore implements MediaStore {

    public static final String PREFIX = "upload/";
    private static final Logger LOG = Logger.getLogger(LocalMediaStore.class.getName());

    @Inject
    TwittnerConfig config;

    @Inject
    TempFiles tempFiles;

    private Path root;

    @PostConstruct
    void init() {
        root = config.mediaDir();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directory " + root, e);
        }
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete " + file, e);
        }
    }

    @Override
    public Path newTempFile() throws IOException {
        return tempFiles.newFile("up-", ".part");
    }

    @Override
    public void put(Path tempFile, String path) throws IOException {
        Path target = resolve(path);
        if (target == null) {
            throw new IOException("not a media path: " + path);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tempFile, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Path locate(String path) {
        Path file = resolve(path);
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    @Override
    public void delete(String path) {
        if (path == null || path.isEmpty() || path.startsWith(PREFIX + "default/")) {
            return;
        }
        Path file = resolve(path);
        if (file != null) {
            deleteQuietly(file);
        }
    }

    /** The file for a stored path, or null when the path is not below the media directory. */
    public Path resolve(String path) {
        return resolve(root, path);
    }

    /**
     * The file for a stored path ({@code upload/...}) under {@code root}, or null for anything
     * that would leave it, name it, or reach the temporary files.
     */
    static Path resolve(Path root, String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        try {
            Path file = root.resolve(path.substring(PREFIX.length())).normalize();
            return file.startsWith(root) && !file.equals(root) && !file.startsWith(root.resolve(".tmp")) ? file : null;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }
}
