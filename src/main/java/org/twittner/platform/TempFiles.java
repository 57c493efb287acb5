package org.twittner.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Temporary files (request bodies being received, images being written) in a folder of this
 * server instance's own, {@code <media dir>/.tmp/<instance>/}, on the media file system so that
 * finished files move into place atomically. The instance holds a lock on its folder while it
 * runs; a folder whose lock is free belongs to an instance that stopped or crashed, and is
 * removed whole at the next sweep (at start and every few minutes). Several instances can share
 * one media folder: a live instance's files are never touched.
 */
@ApplicationScoped
public class TempFiles {

    private static final Logger LOG = Logger.getLogger(TempFiles.class.getName());
    private static final String LOCK = ".lock";
    /**
     * Instances running in this JVM (another deployment of the application) are known from a
     * JVM-wide property, not from their lock: on Linux, opening and closing their lock file here
     * would release the lock they hold.
     */
    private static final String RUNNING_HERE = "twittner.tempfiles.running.";
    /** Loose files of the layout before per-instance folders, left by older versions. */
    private static final Duration LEGACY_STALE = Duration.ofHours(6);

    @Inject
    TwittnerConfig config;

    private Path base;
    private Path own;
    private FileChannel lockChannel;
    private FileLock lock;
    private String instance;

    @PostConstruct
    void start() {
        base = config.mediaDir().resolve(".tmp");
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        instance = HexFormat.of().formatHex(id);
        own = base.resolve(instance);
        try {
            Files.createDirectories(own);
            lockChannel = FileChannel.open(own.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.lock();
            System.setProperty(RUNNING_HERE + instance, "true");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary folder " + own, e);
        }
        sweep();
    }

    /** Created with the application, so that a crashed instance's files go at once, not at first use. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the container calls @PostConstruct (start) before this observer
    }

    /** A new empty temporary file of this instance. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(own, prefix, suffix);
    }

    /** This server instance's id (also the name of its temporary folder). */
    public String instance() {
        return instance;
    }

    /** True when {@code instance} is this one or another that is still running. */
    public boolean isRunning(String instanceId) {
        if (instance.equals(instanceId) || System.getProperty(RUNNING_HERE + instanceId) != null) {
            return true;
        }
        Path lockFile = base.resolve(instanceId).resolve(LOCK);
        if (!instanceId.matches("[0-9a-f]{16}") || !Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true; // another process holds it
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (IOException unreadable) {
            return true; // when in doubt, leave it alone
        }
    }

    /** Removes the folders of instances that no longer run, and stale files of older versions. */
    public void sweep() {
        Instant legacyStale = Instant.now().minus(LEGACY_STALE);
        try (Stream<Path> entries = Files.list(base)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    if (!isRunning(name)) {
                        deleteTree(entry);
                    }
                } else if (modifiedBefore(entry, legacyStale)) {
                    deleteQuietly(entry);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not list " + base, e);
        }
    }

    @PreDestroy
    void stop() {
        System.clearProperty(RUNNING_HERE + instance);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the folder goes below either way
        }
        deleteTree(own);
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (IOException gone) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TempFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not remove " + dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete " + file, e);
        }
    }
}
