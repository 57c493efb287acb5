package org.twittner.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings, from MicroProfile Config: a system property {@code twittner.media.dir} or the
 * environment variable {@code TWITTNER_MEDIA_DIR}, and so on. The defaults run out of the box.
 * (The database settings are read by {@link SchemaMigrator}'s data source definition.)
 */
@ApplicationScoped
public class TwittnerConfig {

    @Inject
    @ConfigProperty(name = "twittner.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "twittner.media.dir", defaultValue = "./data/upload")
    String mediaDir;

    @Inject
    @ConfigProperty(name = "twittner.upload.max.bytes", defaultValue = "20971520")
    long uploadMaxBytes;

    @Inject
    @ConfigProperty(name = "twittner.image.max.pixels", defaultValue = "50000000")
    long imageMaxPixels;

    @Inject
    @ConfigProperty(name = "twittner.image.workers", defaultValue = "0")
    int imageWorkers;

    @Inject
    @ConfigProperty(name = "twittner.session.ttl.days", defaultValue = "365")
    int sessionTtlDays;

    @Inject
    @ConfigProperty(name = "twittner.refresh.ttl.days", defaultValue = "730")
    int refreshTtlDays;

    @Inject
    @ConfigProperty(name = "twittner.bcrypt.cost", defaultValue = "10")
    int bcryptCost;

    @Inject
    @ConfigProperty(name = "twittner.body.idle.seconds", defaultValue = "10")
    int bodyIdleSeconds;

    @Inject
    @ConfigProperty(name = "twittner.body.deadline.seconds", defaultValue = "120")
    int bodyDeadlineSeconds;

    @Inject
    @ConfigProperty(name = "twittner.bodies.per.address", defaultValue = "8")
    int bodiesPerAddress;

    @Inject
    @ConfigProperty(name = "twittner.video.max.bytes", defaultValue = "104857600")
    long videoMaxBytes;

    @Inject
    @ConfigProperty(name = "twittner.post.image.max.side", defaultValue = "2048")
    int postImageMaxSide;

    @Inject
    @ConfigProperty(name = "twittner.swift.lifetime.seconds", defaultValue = "86400")
    long swiftLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "twittner.swift.purge.seconds", defaultValue = "300")
    long swiftPurgeSeconds;

    @Inject
    @ConfigProperty(name = "twittner.ffmpeg", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "twittner.ffprobe", defaultValue = "ffprobe")
    String ffprobe;

    @Inject
    @ConfigProperty(name = "twittner.trusted.proxies")
    Optional<String> trustedProxies;

    private volatile TrustedProxies proxies;

    /** The reverse proxies whose forwarded-for headers are believed (none by default). */
    public TrustedProxies trustedProxies() {
        TrustedProxies parsed = proxies;
        if (parsed == null) {
            parsed = TrustedProxies.parse(trustedProxies.orElse(""));
            proxies = parsed;
        }
        return parsed;
    }

    /** A request body that sends no byte for this long is refused (and its connection closed). */
    public int bodyIdleSeconds() {
        return Math.max(1, bodyIdleSeconds);
    }

    /** A request body must be complete within this time, however steadily it trickles in. */
    public int bodyDeadlineSeconds() {
        return Math.max(1, bodyDeadlineSeconds);
    }

    /** Request bodies one client address may have in flight at once. */
    public int bodiesPerAddress() {
        return Math.max(1, bodiesPerAddress);
    }

    /** The site URL the apps reach us at, without a trailing slash. */
    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public Path mediaDir() {
        return Path.of(mediaDir).toAbsolutePath().normalize();
    }

    public long uploadMaxBytes() {
        return uploadMaxBytes;
    }

    public long imageMaxPixels() {
        return imageMaxPixels;
    }

    /** How many images are processed at once; 0 means one per processor. */
    public int imageWorkers() {
        return imageWorkers > 0 ? imageWorkers : Runtime.getRuntime().availableProcessors();
    }

    public long sessionTtlSeconds() {
        return sessionTtlDays * 86_400L;
    }

    public long refreshTtlSeconds() {
        return refreshTtlDays * 86_400L;
    }

    /** bcrypt accepts 4 to 31; 10 takes about 75 ms on the development machine. */
    public int bcryptCost() {
        return Math.max(4, Math.min(31, bcryptCost));
    }

    /** The largest video upload (posts, swifts), enforced while it streams in. */
    public long videoMaxBytes() {
        return videoMaxBytes;
    }

    /** A post image's kept original is scaled down to this longest side. */
    public int postImageMaxSide() {
        return Math.max(300, postImageMaxSide);
    }

    /** How long a published swift is shown (24 hours; tests shorten it). */
    public long swiftLifetimeSeconds() {
        return Math.max(1, swiftLifetimeSeconds);
    }

    /** How often expired swifts and their files are removed (they are never shown meanwhile). */
    public long swiftPurgeSeconds() {
        return Math.max(1, swiftPurgeSeconds);
    }

    /** The ffmpeg command: a name looked up on PATH, or a path. */
    public String ffmpeg() {
        return ffmpeg;
    }

    public String ffprobe() {
        return ffprobe;
    }
}
