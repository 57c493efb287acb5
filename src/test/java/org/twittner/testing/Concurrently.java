package org.twittner.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs n calls at the same moment, each on its own thread (not the common pool, which has one
 * thread on a 2-core machine and would run them one after the other).
 */
public final class Concurrently {

    private Concurrently() {
    }

    public static <T> List<T> call(int n, IntFunction<T> call) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.apply(index);
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The server's refusal of a body beyond its per-address limit (BodyReceiver): nothing was done. */
    static final String BUSY = "Too many requests in progress from your address; try again shortly";

    /**
     * Sends again what the server refused before reading it (more bodies in flight from this
     * address than it takes at once): such a call changed nothing, and a test of an endpoint
     * under concurrent calls is about the endpoint, not about that limit.
     */
    public static ApiClient.Reply unlessBusy(Supplier<ApiClient.Reply> call) {
        for (int attempt = 1;; attempt++) {
            ApiClient.Reply reply = call.get();
            if (attempt == 50 || reply.code() != 400 || !BUSY.equals(reply.json().getString("message", ""))) {
                return reply;
            }
            try {
                Thread.sleep(10L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }
}
