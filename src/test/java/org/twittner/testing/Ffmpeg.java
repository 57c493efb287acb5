package org.twittner.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The tests' videos are made and checked with ffmpeg and ffprobe (the Debian package ffmpeg). */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /** Runs ffmpeg or ffprobe with these arguments; returns its output, or fails the test. */
    public static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed (the tests need ffmpeg: apt-get install ffmpeg): " + out);
        return out;
    }
}
