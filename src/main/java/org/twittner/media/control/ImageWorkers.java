package org.twittner.media.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.twittner.platform.ApiException;
import org.twittner.platform.Failures;
import org.twittner.platform.TwittnerConfig;

/**
 * Lets as many images be decoded and encoded at once as there are processors; further uploads
 * wait their turn, first come first served. Without it, 64 concurrent uploads share the CPU and
 * all finish late, each holding its pixels in memory meanwhile. A turn that does not come
 * within {@value #MAX_WAIT_SECONDS} s is refused (code 500), so a flood of uploads cannot keep
 * request threads parked for ever.
 */
@ApplicationScoped
public class ImageWorkers {

    /** Image work that may refuse the image. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws ImageRejected, IOException;
    }

    static final int MAX_WAIT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ImageWorkers.class.getName());

    @Inject
    TwittnerConfig config;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(config.imageWorkers(), true);
    }

    public <T> T run(Work<T> work) throws ImageRejected, IOException {
        try {
            if (!permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("an upload waited " + MAX_WAIT_SECONDS + " s for image processing and was refused;"
                        + " uploads arrive faster than " + config.imageWorkers() + " workers process them");
                throw new ApiException(500, Failures.MESSAGE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(500, Failures.MESSAGE);
        }
        try {
            return work.run();
        } finally {
            permits.release();
        }
    }
}
