package org.twittner.platform;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request body that was not all there when its request arrived, received with non-blocking
 * reads: no thread waits on the client between its packets (but for the request thread's 2 ms
 * on its way out, below). The container calls
 * {@link #onDataAvailable()} when bytes are in; {@link BodyReceiver}'s sweeper calls
 * {@link #checkTime(long)} every second and refuses a body that stopped arriving or is past its
 * deadline. Exactly one end is taken, decided under the reception's lock and carried out
 * after it: the whole body is handed on (an async dispatch back through {@link BodyReceiver}), or the
 * client gets the refusal at once; should the container end the request itself (an
 * {@link AsyncListener} event first), the reception only lets go of what it holds.
 *
 * <p>A refused body is not completed while the client may still send: the reception lingers,
 * reading and dropping what comes, until the client sends the rest or closes (as a phone does
 * once it has read the answer), or the container's read timeout closes the connection, or
 * {@link #LINGER_NANOS} has passed. Completing at once would make Undertow drain the rest with a
 * blocking read on one of its worker threads: 400 stalled clients, refused, held all 128 of
 * WildFly's workers for 20 s (docs/bench/refused-clients.txt).
 *
 * <p>{@link BodyReceiver} also calls {@link #pump()} once on the request's own thread, after
 * setting the listener: reading what is already there is harmless wherever the container calls
 * the listener at once, and needed where it waits for {@code isReady()} to have answered false
 * (Grizzly, in some versions).
 *
 * <p>On WildFly the listener runs on Undertow's I/O threads, so a body over 16 KB is written to
 * its temporary file there: small writes to the page cache, not worth a hand-off.
 *
 * <p>Payara (6.2025.10) can lose a dispatch that another thread makes while the request's own
 * thread is on its way back to the container (payara/Payara#8279): the request then never
 * runs and its client waits for ever. So a body completed elsewhere while the request thread
 * is still inside is handed on by the request thread as it leaves
 * ({@link #requestThreadLeaves()}), which waits {@link #REQUEST_THREAD_WAIT_NANOS} for a body
 * still arriving; one completed just after it left is handed on no sooner than
 * {@link #DISPATCH_GRACE_NANOS} after it left. Should a dispatch be lost all the same,
 * {@link BodyReceiver} answers it "busy" after a few seconds. WildFly (Undertow) lost none made
 * from its I/O threads in our runs: there the reception hands on at once ({@link Handing#AT_ONCE}).
 */
final class BodyReception implements ReadListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(BodyReception.class.getName());

    /**
     * How long a refused body's connection may linger at most. Longer than the read timeout
     * that docker/wildfly/configure.cli gives Undertow (30 s), which closes a silent connection
     * first: completing before it would cost a worker thread until then.
     */
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(40);

    /** How long the container's own end of a request waits for an answer being written. */
    private static final long ANSWER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * How long the request thread, leaving, waits for a body still arriving: most late bodies
     * are a packet behind their head, and handing them on from the request thread is both
     * safe and quickest.
     */
    static final long REQUEST_THREAD_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * How long after the request thread left another thread waits before it dispatches: by then
     * the container is done with the request's way out (measured in microseconds).
     */
    static final long DISPATCH_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Runs a task after a delay (the receiver's managed scheduler). */
    interface Later {
        void after(long delayNanos, Runnable task);
    }

    /**
     * How a body completed on another thread than the request's is handed on: whether the
     * container may lose such a dispatch, how long the request thread waits for a body still
     * arriving, and how long after it left another thread may dispatch.
     */
    record Handing(Later later, boolean lateDispatchesMayBeLost, long requestThreadWaitNanos, long dispatchGraceNanos) {
        /** Undertow (WildFly): at once, from any thread. */
        static final Handing AT_ONCE = new Handing((delay, task) -> task.run(), false, 0, 0);
    }

    /** What the receiver does once the reception has ended, either way. */
    interface Ends {
        /** The whole body is in: hand the request on. */
        void received(BodyReception reception);

        /** The body is refused: answer the client now with this code and message (the connection is then closed). */
        void refused(BodyReception reception, int code, String message);

        /** Called exactly once, when the reception is over: release what it held. */
        void released(BodyReception reception);

        /** The handed-on request is over (the async cycle completed): release its dispatch slot. */
        void dispatchOver(BodyReception reception);
    }

    /** Receiving, then handed on or refused (lingering until the client is done), then over. */
    private enum State { RECEIVING, LINGERING, OVER }

    /** One read buffer per thread, not per reception: thousands may be waiting at once. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    private final AsyncContext async;
    private final ServletInputStream in;
    /** Null when the body is read only to be dropped (declared over its limit). */
    private final ReceivedBody body;
    private final long declared;
    private final long limit;
    private final String tooLarge;
    private final String address;
    private final String path;
    private final long idleNanos;
    private final long deadline;
    private final Ends ends;
    private final Handing handing;
    /** The thread that ran the filter, which made the reception. */
    private final Thread requestThread;

    private long received;
    private long lastByteAt;
    private long refusedAt;
    private State state = State.RECEIVING;
    /** Guards the state; never held while calling the container (see the ends, below). */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an answer has been written. */
    private final Condition answered = lock.newCondition();
    /** An answer is being written, outside the lock. */
    private boolean answering;
    /** The lingering ended while the answer was being written: the answering thread completes. */
    private boolean completeAfterAnswer;
    /** The container ended the request itself: nothing more is written to it. */
    private boolean abandoned;
    /** Whether the handed-on request holds one of the receiver's dispatch slots. */
    private final AtomicBoolean dispatchSlot = new AtomicBoolean();
    /** The request thread has not yet left the filter. */
    private boolean requestThreadInside = true;
    /** When it left. */
    private long requestThreadLeftAt;
    /** A body completed elsewhere while the request thread was inside: it hands it on as it leaves. */
    private boolean handOnLeftToRequestThread;
    /** Signalled when the receiving ends, whichever way: the request thread need wait no longer. */
    private final Condition receivingEnded = lock.newCondition();

    /** Made on the request's own thread, in the filter. */
    BodyReception(AsyncContext async, ServletInputStream in, ReceivedBody body, long declared, long limit,
            String tooLarge, String address, String path, long idleNanos, long deadlineNanos, Ends ends,
            Handing handing) {
        this.async = async;
        this.in = in;
        this.body = body;
        this.declared = declared;
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.address = address;
        this.path = path;
        this.idleNanos = idleNanos;
        this.ends = ends;
        this.handing = handing;
        this.requestThread = Thread.currentThread();
        long now = System.nanoTime();
        this.lastByteAt = now;
        this.deadline = now + deadlineNanos;
    }

    /** The body, once received (the dispatched request owns it then). */
    ReceivedBody body() {
        return body;
    }

    void holdDispatchSlot() {
        dispatchSlot.set(true);
    }

    /** True once, for whoever lets go of the dispatch slot first. */
    boolean letGoOfDispatchSlot() {
        return dispatchSlot.compareAndSet(true, false);
    }

    @Override
    public void onDataAvailable() {
        pump();
    }

    @Override
    public void onAllDataRead() {
        End end;
        lock.lock();
        try {
            end = read();
            if (state != State.OVER) {
                end = inputEnded(end);
            }
        } finally {
            lock.unlock();
        }
        carryOut(end);
    }

    @Override
    public void onError(Throwable failure) {
        End end = null;
        lock.lock();
        try {
            if (state == State.RECEIVING) {
                logCutShort(address, path, received, failure);
                end = refusal(400, BodyReceiver.TOO_SLOW, true);
            } else if (state == State.LINGERING) {
                end = over();
            }
        } finally {
            lock.unlock();
        }
        carryOut(end);
    }

    // ---- AsyncListener: the container ended the request before the reception did -------------

    @Override
    public void onComplete(AsyncEvent event) {
        abandon();
        if (letGoOfDispatchSlot()) {
            ends.dispatchOver(this);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onError(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the reception is for one async cycle
    }

    /**
     * Lets go of what the reception holds without touching the request, which is over. An
     * answer being written is waited for (briefly), as the container would otherwise recycle
     * the response under it.
     */
    private void abandon() {
        boolean release = false;
        lock.lock();
        try {
            long left = ANSWER_WAIT_NANOS;
            while (answering && left > 0) {
                try {
                    left = answered.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            abandoned = true; // an answer not yet written is not written now
            receivingEnded.signalAll();
            if (state != State.OVER) { // else the reception ended itself (a handed-on body belongs to its request)
                if (state == State.RECEIVING && body != null) {
                    body.close();
                }
                state = State.OVER;
                release = true;
            }
        } finally {
            lock.unlock();
        }
        if (release) {
            ends.released(this);
        }
    }

    /** A client that goes away, or sends less than it declared, is not a server failure: one line. */
    static void logCutShort(String address, String path, long received, Throwable failure) {
        LOG.log(Level.INFO, "request body from {0} to {1} ended after {2} bytes: {3}",
                new Object[] {address, path, received, failure.getClass().getSimpleName()});
    }

    /** Reads what can be read without blocking. */
    void pump() {
        End end;
        lock.lock();
        try {
            end = read();
        } finally {
            lock.unlock();
        }
        carryOut(end);
    }

    /**
     * Called by the request thread when it is done with the reception, just before it goes back
     * to the container: hands on a body completed meanwhile, waiting briefly for one still
     * arriving (see the class comment).
     */
    void requestThreadLeaves() {
        boolean handOn;
        lock.lock();
        try {
            long left = handing.requestThreadWaitNanos();
            while (state == State.RECEIVING && left > 0) { // ended by a hand-on or a refusal, signalled
                try {
                    left = receivingEnded.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            requestThreadInside = false;
            requestThreadLeftAt = System.nanoTime();
            handOn = handOnLeftToRequestThread;
            handOnLeftToRequestThread = false;
        } finally {
            lock.unlock();
        }
        if (handOn) {
            handOnNow();
        }
    }

    /**
     * The container never ran the dispatch (see the class comment): the client is told to try
     * again rather than wait for ever. The receiver calls this once, and only once the body was
     * handed on.
     */
    void dispatchLost() {
        LOG.log(Level.SEVERE, "the container lost the async dispatch of a request to {0}; answered busy", path);
        body.close();
        lock.lock();
        try {
            answering = true;
        } finally {
            lock.unlock();
        }
        answerAndComplete(new End(End.Kind.ANSWER_AND_COMPLETE, 503, RequestGate.BUSY));
    }

    /** The container would not take the listener: the client is told to try again. */
    void giveUp() {
        End end = null;
        lock.lock();
        try {
            if (state == State.RECEIVING) {
                end = refusal(503, RequestGate.BUSY, true);
            }
        } finally {
            lock.unlock();
        }
        carryOut(end);
    }

    /**
     * Refuses the body when nothing came for the idle time, or its deadline has passed; ends a
     * refused body's lingering once its time is up. A reception that is reading just now is
     * not idle: the sweeper checks it on its next round rather than wait for it. What was
     * decided is carried out by {@code carrier}: a write that blocks holds one of its threads,
     * not the sweeper that every other reception waits on.
     */
    void checkTime(long now, Executor carrier) {
        if (!lock.tryLock()) {
            return;
        }
        End end = null;
        try {
            if (state == State.RECEIVING && (now - lastByteAt > idleNanos || now - deadline > 0)) {
                LOG.log(Level.INFO, "request body from {0} to {1} given up after {2} bytes: too slow",
                        new Object[] {address, path, received});
                end = refusal(400, BodyReceiver.TOO_SLOW, false);
            } else if (state == State.LINGERING && now - refusedAt > LINGER_NANOS) {
                end = over();
            }
        } finally {
            lock.unlock();
        }
        if (end != null) {
            End decided = end;
            try {
                carrier.execute(() -> carryOut(decided));
            } catch (RuntimeException rejected) { // the pool is shut down or full: this thread does it
                carryOut(decided);
            }
        }
    }

    // ---- the ends: decided under the lock, carried out after it ---------------------------------
    //
    // Writing the answer, completing and dispatching take the container's own locks, and the
    // container may hold those while it calls this listener (Undertow holds its AsyncContext's
    // while it reports onComplete): doing them under the reception's lock could leave the
    // sweeper and a container thread waiting on each other. Only the thread that changed the
    // state gets an End, so each is carried out once; while an answer is being written, an end
    // of the lingering decided elsewhere is left to the answering thread (completing first
    // would send an empty answer, or complete under the write).

    /**
     * What to do once the lock is let go: hand the body on; answer with code and message (and
     * complete too when the client is done sending); or complete the lingering request.
     */
    private record End(Kind kind, int code, String message) {
        enum Kind { HAND_ON, ANSWER, ANSWER_AND_COMPLETE, COMPLETE }

        static final End HAND_ON = new End(Kind.HAND_ON, 0, null);
        static final End COMPLETE = new End(Kind.COMPLETE, 0, null);
    }

    /**
     * Reads what is there, under the lock, dropping it once refused. A refusal decided here
     * does not stop the reading: the container calls the listener again only after
     * {@code isReady()} has answered false, so the bytes already there are read (and dropped)
     * first, or the reception would wait for a call that never comes.
     */
    private End read() {
        byte[] buffer = BUFFER.get();
        End answer = null;
        try {
            while (state != State.OVER && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return inputEnded(answer);
                }
                if (n == 0 || state == State.LINGERING) {
                    continue;
                }
                lastByteAt = System.nanoTime();
                received += n;
                if (received > limit && body != null) {
                    answer = refusal(400, tooLarge, false);
                    continue;
                }
                if (body != null) {
                    End failed = keep(buffer, n);
                    if (failed != null) {
                        answer = failed;
                        continue;
                    }
                }
                if (declared > 0 && received >= declared) {
                    return finish();
                }
            }
            if (state != State.OVER && in.isFinished()) {
                return inputEnded(answer);
            }
            return answer;
        } catch (IOException | RuntimeException cutShort) {
            if (state == State.LINGERING) {
                return inputEnded(answer);
            }
            if (state == State.OVER) {
                return answer;
            }
            logCutShort(address, path, received, cutShort);
            return refusal(400, BodyReceiver.TOO_SLOW, true);
        }
    }

    /** The input ended (or failed); under the lock. {@code answer}: a refusal this thread has yet to write. */
    private End inputEnded(End answer) {
        if (state == State.RECEIVING) {
            return finish();
        }
        if (answer != null) { // refused and ended in one read: answer, then complete
            state = State.OVER;
            return new End(End.Kind.ANSWER_AND_COMPLETE, answer.code(), answer.message());
        }
        return over();
    }

    /** Appends to the body; a failure here is the server's (a full disk), not the client's. */
    private End keep(byte[] buffer, int n) {
        try {
            body.append(buffer, n);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep a request body to " + path, e);
            return refusal(503, RequestGate.BUSY, false);
        }
    }

    /** The body's end has come; under the lock. */
    private End finish() {
        if (body == null) {
            return refusal(400, tooLarge, true); // read to its end so that the client, still sending, reads this
        }
        if (declared > 0 && received != declared) {
            return refusal(400, BodyReceiver.TOO_SLOW, true);
        }
        try {
            body.finish();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep a request body to " + path, e);
            return refusal(503, RequestGate.BUSY, true);
        }
        state = State.OVER;
        receivingEnded.signalAll();
        if (requestThreadInside && handing.lateDispatchesMayBeLost() && Thread.currentThread() != requestThread) {
            handOnLeftToRequestThread = true; // see the class comment
            return null;
        }
        return End.HAND_ON;
    }

    /**
     * Refuses the body; under the lock. When the client has finished sending (or is gone) the
     * request is completed after the answer; otherwise it lingers.
     */
    private End refusal(int code, String message, boolean clientDone) {
        if (body != null) {
            body.close();
        }
        answering = true;
        receivingEnded.signalAll(); // the request thread need not wait for the rest
        if (clientDone) {
            state = State.OVER;
            return new End(End.Kind.ANSWER_AND_COMPLETE, code, message);
        }
        state = State.LINGERING;
        refusedAt = System.nanoTime();
        return new End(End.Kind.ANSWER, code, message);
    }

    /** The lingering is over; under the lock. Left to the answering thread while it writes. */
    private End over() {
        state = State.OVER;
        if (answering) {
            completeAfterAnswer = true;
            return null;
        }
        return End.COMPLETE;
    }

    /** Outside the lock: answers, hands on or completes, and releases what the reception held once over. */
    private void carryOut(End end) {
        if (end == null) {
            return;
        }
        switch (end.kind()) {
            case HAND_ON -> handOn();
            case ANSWER -> {
                try {
                    answer(end);
                } finally { // whatever the write threw: the lingering must still be able to end
                    if (answered()) {
                        ends.released(this);
                        completeQuietly();
                    }
                }
            }
            case ANSWER_AND_COMPLETE -> {
                ends.released(this);
                answerAndComplete(end);
            }
            case COMPLETE -> {
                ends.released(this);
                completeQuietly();
            }
        }
    }

    /**
     * Hands the body on now, or leaves it to the request thread, or puts it off until the
     * container is surely done with the request's way out (see the class comment).
     */
    private void handOn() {
        // the request thread itself: inside, the container runs its dispatch on the way out; and
        // should the pool give it a listener call after it left, its way out is over (another
        // thread's hand-on while it is inside was left to it, in finish())
        if (Thread.currentThread() == requestThread || !handing.lateDispatchesMayBeLost()) {
            handOnNow();
            return;
        }
        long wait;
        lock.lock();
        try {
            wait = handing.dispatchGraceNanos() - (System.nanoTime() - requestThreadLeftAt);
        } finally {
            lock.unlock();
        }
        if (wait <= 0) {
            handOnNow();
            return;
        }
        try {
            handing.later().after(wait, this::handOnNow);
        } catch (RuntimeException rejected) { // shutting down: now rather than never
            handOnNow();
        }
    }

    private void handOnNow() {
        boolean over;
        lock.lock();
        try {
            over = abandoned;
        } finally {
            lock.unlock();
        }
        ends.released(this);
        if (over) { // the container ended the request while the hand-on was put off
            body.close();
            return;
        }
        try {
            ends.received(this);
        } catch (RuntimeException e) { // not handed on: nobody else will close or complete
            LOG.log(Level.WARNING, "could not hand on a request to " + path, e);
            body.close();
            completeQuietly();
        }
    }

    private void answerAndComplete(End end) {
        try {
            answer(end);
        } finally {
            answered();
            completeQuietly();
        }
    }

    private void answer(End end) {
        lock.lock();
        try {
            if (abandoned) {
                return; // the container has ended the request (its response may serve another by now)
            }
        } finally {
            lock.unlock();
        }
        try {
            ends.refused(this, end.code(), end.message());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not answer: {0}", e.toString());
        }
    }

    /** The answer is written: true if the lingering ended meanwhile and is this thread's to complete. */
    private boolean answered() {
        lock.lock();
        try {
            answering = false;
            answered.signalAll();
            boolean complete = completeAfterAnswer;
            completeAfterAnswer = false;
            return complete;
        } finally {
            lock.unlock();
        }
    }

    private void completeQuietly() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            LOG.log(Level.FINE, "reception already over: {0}", alreadyOver.toString());
        }
    }
}
