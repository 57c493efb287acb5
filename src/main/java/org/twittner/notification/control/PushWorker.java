package org.twittner.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.twittner.platform.TwittnerConfig;

/**
 * Sends the outbox's pushes in the background: every {@code twittner.push.poll.seconds}, each of
 * {@value #LANES} lanes claims due pushes one at a time and sends them, until none is due or it
 * has sent {@value #MAX_PER_RUN}. The lanes compete for rows exactly as two server instances do
 * ({@link PushDeliveries#claimNext}), so that path runs on every server, not only in clusters.
 * A request that causes a push only writes its outbox row: a slow or failing FCM delays pushes,
 * never a request. Off (no timers) while push is not configured.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PushWorker {

    static final int LANES = 2;
    static final int MAX_PER_RUN = 200;
    private static final Logger LOG = Logger.getLogger(PushWorker.class.getName());

    /** This instance's name in claims (push_outbox.claimed_by), one per lane. */
    private final String instance = UUID.randomUUID().toString().substring(0, 30);

    @Resource
    TimerService timers;

    @Inject
    TwittnerConfig config;

    @Inject
    PushDeliveries deliveries;

    @Inject
    FcmClient fcm;

    @PostConstruct
    void start() {
        if (config.fcmServiceAccount().isEmpty()) {
            LOG.info("push notifications are off: set TWITTNER_FCM_SERVICE_ACCOUNT to a Firebase service account key"
                    + " file to send them (README, Push notifications)");
            return;
        }
        long interval = config.pushPollSeconds() * 1000L;
        for (int lane = 0; lane < LANES; lane++) {
            timers.createIntervalTimer(interval + lane * interval / LANES, interval,
                    new TimerConfig(instance + "/" + lane, false));
        }
    }

    /** No transaction around the run: each claim and settlement has its own, sends have none. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver(jakarta.ejb.Timer timer) {
        String worker = (String) timer.getInfo();
        try {
            for (int sent = 0; sent < MAX_PER_RUN; sent++) {
                Optional<PushDeliveries.Claimed> claimed = deliveries.claimNext(worker);
                if (claimed.isEmpty()) {
                    return;
                }
                deliveries.settle(claimed.get(), send(claimed.get().push()), worker);
            }
        } catch (RuntimeException failed) {
            // the next run goes on; a failure must not cancel the timer
            LOG.log(Level.WARNING, "push delivery failed; it goes on in " + config.pushPollSeconds() + " s", failed);
        }
    }

    /** An unexpected failure of one push is a failed attempt (settled, retried later), not the end of the run. */
    private FcmClient.Result send(FcmClient.Push push) {
        try {
            return fcm.send(push);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "push: a " + push.kind() + " push failed; tried again later", failed);
            return FcmClient.Result.RETRY;
        }
    }
}
