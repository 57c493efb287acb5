package org.twittner.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalMediaStoreTest {

    private final Path root = Path.of("/srv/media");

    @Test
    void storedPathsMapBelowTheRoot() {
        assertEquals(Path.of("/srv/media/avatars/2026/11/a.jpg"), LocalMediaStore.resolve(root, "upload/avatars/2026/11/a.jpg"));
        assertEquals(Path.of("/srv/media/a.jpg"), LocalMediaStore.resolve(root, "upload/x/../a.jpg"));
    }

    @Test
    void nothingOutsideTheRootNorTheRootNorTheTemporaryFiles() {
        assertNull(LocalMediaStore.resolve(root, "upload/../etc/passwd"));
        assertNull(LocalMediaStore.resolve(root, "upload/avatars/../../secret"));
        assertNull(LocalMediaStore.resolve(root, "upload//etc/passwd"));
        assertNull(LocalMediaStore.resolve(root, "upload/"));
        assertNull(LocalMediaStore.resolve(root, "upload/."));
        assertNull(LocalMediaStore.resolve(root, "upload/.tmp/up-1.part"));
        assertNull(LocalMediaStore.resolve(root, "upload/a\0b.jpg"));
        assertNull(LocalMediaStore.resolve(root, "avatars/a.jpg"));
        assertNull(LocalMediaStore.resolve(root, null));
    }
}
