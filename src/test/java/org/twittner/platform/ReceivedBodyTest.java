package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body received without a thread stays in memory up to its limit, then moves whole to a file made only then. */
class ReceivedBodyTest {

    @TempDir
    Path folder;

    @Test
    void aSpillingBodyMakesItsFileOnlyOncePastItsMemoryLimit() throws IOException {
        List<Path> made = new ArrayList<>();
        ReceivedBody body = ReceivedBody.spilling(16, () -> {
            Path file = Files.createTempFile(folder, "body-", ".part");
            made.add(file);
            return file;
        });
        body.append("0123456789".getBytes(StandardCharsets.US_ASCII), 10);
        body.append("abcdef".getBytes(StandardCharsets.US_ASCII), 6);
        assertEquals(List.of(), made, "16 bytes are kept in memory");
        body.append("XYZ".getBytes(StandardCharsets.US_ASCII), 3);
        assertEquals(1, made.size(), "the 17th byte moves the body to a file");
        body.append("!".getBytes(StandardCharsets.US_ASCII), 1);
        body.finish();
        assertEquals(20, body.length());
        assertArrayEquals("0123456789abcdefXYZ!".getBytes(StandardCharsets.US_ASCII), body.open().readAllBytes());
        assertArrayEquals("0123456789abcdefXYZ!".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(made.get(0)));
        body.close();
        assertFalse(Files.exists(made.get(0)), "closing deletes the file");
    }

    @Test
    void aSmallSpillingBodyNeverTouchesTheDisk() throws IOException {
        ReceivedBody body = ReceivedBody.spilling(16, () -> {
            throw new AssertionError("no file for 5 bytes");
        });
        body.append("hello".getBytes(StandardCharsets.US_ASCII), 5);
        body.finish();
        assertTrue(new String(body.open().readAllBytes(), StandardCharsets.US_ASCII).equals("hello"));
        body.close();
    }
}
