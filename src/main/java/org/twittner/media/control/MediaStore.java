package org.twittner.media.control;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where media files live. Paths are the stored form, {@code upload/<folder>/YYYY/MM/<name>}.
 * The default implementation keeps them in a directory; another (object storage) can replace
 * it without touching the callers.
 */
public interface MediaStore {

    /** A new empty temporary file, on the same storage as the final files. */
    Path newTempFile() throws IOException;

    /** Moves a finished temporary file to {@code path} atomically: readers never see half a file. */
    void put(Path temp, String path) throws IOException;

    /** The local file behind a stored path (to read it back), or null when it is not there. */
    Path locate(String path);

    /** Deletes a stored file; a missing file or a default picture is left alone. */
    void delete(String path);

    /** Writes a picture as the JPEG the API serves (see {@link ImagePipeline#writeJpeg}) to a stored path. */
    default void putJpeg(java.awt.image.BufferedImage image, String path) throws IOException {
        Path temp = newTempFile();
        try {
            ImagePipeline.writeJpeg(image, temp);
            put(temp, path);
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
    }
}
