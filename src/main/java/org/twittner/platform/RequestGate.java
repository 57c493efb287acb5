package org.twittner.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many API requests are worked on at once ({@code twittner.requests.concurrent}, two per
 * processor by default); the others wait their turn, first come first served. A server whose
 * processors are all busy finishes the same requests sooner when it works on a few at a time
 * than when every request thread competes for them: on the bench (two cores shared with MariaDB
 * and the load generator, 16 connections, three rounds each) search_people's p99 was 49-55 ms
 * without a gate, 31-41 with 8 turns and 25-31 with 4 (docs/performance.md, which also has
 * search_posts' noisier rounds). A database on another host leaves the processors idle while
 * requests wait on it: there more turns keep them busy (docs/operations.md). A request that
 * finds no turn within {@link #MAX_WAIT_SECONDS} is answered 503 rather than kept waiting.
 */
@ApplicationScoped
public class RequestGate {

    static final long MAX_WAIT_SECONDS = 30;
    static final String BUSY = "The server is busy; try again shortly";

    @Inject
    TwittnerConfig config;

    /** Whether this thread's request holds one of this gate's turns. */
    private final ThreadLocal<Boolean> holding = new ThreadLocal<>();

    private Semaphore turns;

    @PostConstruct
    void open() {
        turns = new Semaphore(config.requestsConcurrent(), true);
    }

    /** Waits for a turn: true once the request has one (then {@link #leave()} after it), false when none came. */
    public boolean enter() {
        try {
            if (turns.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                holding.set(Boolean.TRUE);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void leave() {
        holding.remove();
        turns.release();
    }

    /**
     * Runs {@code work}, which waits on another host, without the caller's turn (when it holds
     * one), and takes a turn back afterwards, behind the requests already waiting.
     */
    public <T, E extends Exception> T outside(Work<T, E> work) throws E {
        if (holding.get() == null) {
            return work.run();
        }
        leave();
        try {
            return work.run();
        } finally {
            turns.acquireUninterruptibly();
            holding.set(Boolean.TRUE);
        }
    }

    /** Work that may throw a checked exception of its own. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
