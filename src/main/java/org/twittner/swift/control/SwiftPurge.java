package org.twittner.swift.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.TwittnerConfig;

/**
 * The timer that runs {@link SwiftExpiry} every {@code twittner.swift.purge.seconds} (five
 * minutes by default). A programmatic EJB timer rather than {@code @Schedule}, whose interval is
 * fixed at compile time: tests run it every few seconds. Not persistent: each server instance
 * has its own, and two purging at once is safe. A purge stops after {@value #MAX_BATCHES}
 * batches and the next run goes on, so that a backlog never holds the timer for long.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class SwiftPurge {

    static final int MAX_BATCHES = 50;
    private static final Logger LOG = Logger.getLogger(SwiftPurge.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SwiftExpiry expiry;

    @Inject
    TwittnerConfig config;

    @PostConstruct
    void start() {
        long interval = config.swiftPurgeSeconds() * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("swift purge", false));
    }

    @Timeout
    void purge() {
        try {
            int swifts = 0;
            int drafts = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int removed = expiry.purgeSwifts();
                swifts += removed;
                if (removed < SwiftExpiry.BATCH) {
                    break;
                }
            }
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int removed = expiry.purgeDrafts();
                drafts += removed;
                if (removed < SwiftExpiry.BATCH) {
                    break;
                }
            }
            if (swifts + drafts > 0) {
                int s = swifts;
                int d = drafts;
                LOG.fine(() -> "removed " + s + " expired swifts and " + d + " unpublished drafts");
            }
        } catch (RuntimeException failed) {
            // the next run tries again; a failure must not cancel the timer
            LOG.log(Level.WARNING, "the swift purge failed; it runs again in " + config.swiftPurgeSeconds() + " s", failed);
        }
    }
}
