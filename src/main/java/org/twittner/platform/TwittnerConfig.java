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
    @ConfigProperty(name = "twittner.requests.concurrent", defaultValue = "0")
    int requestsConcurrent;

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

    @Inject
    @ConfigProperty(name = "twittner.site.url")
    Optional<String> siteUrl;

    @Inject
    @ConfigProperty(name = "twittner.oauth.google.url", defaultValue = "https://www.googleapis.com")
    String oauthGoogleUrl;

    @Inject
    @ConfigProperty(name = "twittner.oauth.facebook.url", defaultValue = "https://graph.facebook.com/v19.0")
    String oauthFacebookUrl;

    @Inject
    @ConfigProperty(name = "twittner.oauth.timeout.seconds", defaultValue = "5")
    int oauthTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "twittner.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "twittner.smtp.port")
    Optional<Integer> smtpPort;

    @Inject
    @ConfigProperty(name = "twittner.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "twittner.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "twittner.smtp.security", defaultValue = "starttls")
    String smtpSecurity;

    @Inject
    @ConfigProperty(name = "twittner.smtp.timeout.seconds", defaultValue = "5")
    int smtpTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "twittner.mail.from")
    Optional<String> mailFrom;

    @Inject
    @ConfigProperty(name = "twittner.rate.limits", defaultValue = "on")
    String rateLimits;

    @Inject
    @ConfigProperty(name = "twittner.rate.limit.exempt")
    Optional<String> rateLimitExempt;

    @Inject
    @ConfigProperty(name = "twittner.rate.limit.window.seconds", defaultValue = "900")
    int rateLimitWindowSeconds;

    @Inject
    @ConfigProperty(name = "twittner.rate.limit.per.address", defaultValue = "60")
    int rateLimitPerAddress;

    @Inject
    @ConfigProperty(name = "twittner.rate.limit.per.account", defaultValue = "10")
    int rateLimitPerAccount;

    @Inject
    @ConfigProperty(name = "twittner.fcm.service.account")
    Optional<String> fcmServiceAccount;

    @Inject
    @ConfigProperty(name = "twittner.fcm.url", defaultValue = "https://fcm.googleapis.com")
    String fcmUrl;

    @Inject
    @ConfigProperty(name = "twittner.fcm.token.url")
    Optional<String> fcmTokenUrl;

    @Inject
    @ConfigProperty(name = "twittner.push.timeout.seconds", defaultValue = "10")
    int pushTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "twittner.push.poll.seconds", defaultValue = "2")
    int pushPollSeconds;

    @Inject
    @ConfigProperty(name = "twittner.push.retry.seconds", defaultValue = "30")
    int pushRetrySeconds;

    @Inject
    @ConfigProperty(name = "twittner.push.max.attempts", defaultValue = "8")
    int pushMaxAttempts;

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

    /** How many API requests are worked on at once (uploads aside); 0 means two per processor. */
    public int requestsConcurrent() {
        return requestsConcurrent > 0 ? requestsConcurrent : 2 * Runtime.getRuntime().availableProcessors();
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

    /** Where people's browsers reach the server's pages (reset links); the public URL unless set. */
    public String siteUrl() {
        String url = siteUrl.filter(s -> !s.isBlank()).orElse(publicUrl);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Google's API root: {@code /oauth2/v3/userinfo} is below it. */
    public String oauthGoogleUrl() {
        return withoutSlash(oauthGoogleUrl);
    }

    /** Facebook Graph's root, with its version: {@code /me} is below it. */
    public String oauthFacebookUrl() {
        return withoutSlash(oauthFacebookUrl);
    }

    /** The longest a sign-in waits for the identity provider. */
    public int oauthTimeoutSeconds() {
        return Math.max(1, oauthTimeoutSeconds);
    }

    /** The SMTP server's host; empty when no mail can be sent. */
    public Optional<String> smtpHost() {
        return smtpHost.filter(host -> !host.isBlank());
    }

    /** none | starttls | tls */
    public String smtpSecurity() {
        return smtpSecurity.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The port, by default the one of the security mode (25, 587, 465). */
    public int smtpPort() {
        return smtpPort.orElse(switch (smtpSecurity()) {
            case "none" -> 25;
            case "tls" -> 465;
            default -> 587;
        });
    }

    public Optional<String> smtpUser() {
        return smtpUser.filter(user -> !user.isBlank());
    }

    public String smtpPassword() {
        return smtpPassword.orElse("");
    }

    /** Connecting, reading and writing each wait at most this long for the mail server. */
    public int smtpTimeoutSeconds() {
        return Math.max(1, smtpTimeoutSeconds);
    }

    public Optional<String> mailFrom() {
        return mailFrom.filter(from -> !from.isBlank());
    }

    /** TWITTNER_RATE_LIMITS=off switches every limit off (load tests, test suites). */
    public boolean rateLimitsOn() {
        return !"off".equalsIgnoreCase(rateLimits.strip());
    }

    /** Client addresses never limited (comma-separated exact addresses). */
    public java.util.Set<String> rateLimitExempt() {
        return java.util.Arrays.stream(rateLimitExempt.orElse("").split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(TrustedProxies::normalized).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public int rateLimitWindowSeconds() {
        return Math.max(1, rateLimitWindowSeconds);
    }

    /** Attempts of one action from one client address per window. */
    public int rateLimitPerAddress() {
        return Math.max(1, rateLimitPerAddress);
    }

    /** Attempts of one action on one account per window, from anywhere. */
    public int rateLimitPerAccount() {
        return Math.max(1, rateLimitPerAccount);
    }

    private static String withoutSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** The Firebase service account's key file (JSON); push notifications are off without it. */
    public Optional<String> fcmServiceAccount() {
        return fcmServiceAccount.filter(path -> !path.isBlank()).map(String::strip);
    }

    /** FCM's root: {@code /v1/projects/<project>/messages:send} is below it. */
    public String fcmUrl() {
        return withoutSlash(fcmUrl);
    }

    /** Where access tokens come from; the key file's {@code token_uri} unless set. */
    public Optional<String> fcmTokenUrl() {
        return fcmTokenUrl.filter(url -> !url.isBlank()).map(String::strip);
    }

    /** The longest one push (or one access-token request) waits for Google. */
    public int pushTimeoutSeconds() {
        return Math.max(1, pushTimeoutSeconds);
    }

    /** How often the push worker looks for waiting pushes. */
    public int pushPollSeconds() {
        return Math.max(1, pushPollSeconds);
    }

    /** The wait after a push's first failure; it doubles with each further one (at most an hour). */
    public int pushRetrySeconds() {
        return Math.max(1, pushRetrySeconds);
    }

    /** Failures after which a push is given up. */
    public int pushMaxAttempts() {
        return Math.max(1, pushMaxAttempts);
    }
}
