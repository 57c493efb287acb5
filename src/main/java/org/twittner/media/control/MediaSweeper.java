package org.twittner.media.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Runs the {@link MediaLedger} sweep once the schema is migrated, then every five minutes (so a
 * surviving instance cleans up after a crashed one without a restart). Safe on several
 * instances at once: deleting a file or a row twice is harmless.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class MediaSweeper {

    @Inject
    MediaLedger ledger;

    @PostConstruct
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void sweep() {
        ledger.sweep();
    }
}
