package org.twittner.platform;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request body that was not all there when its request arrived, received with non-blocking
 * reads: no thread waits on the client between its packets. The container calls
 * {@link #onDataAvailable()} when bytes are in; {@link BodyReceiver}'s sweeper calls
 * {@link #checkTime(long)} every second and refuses a body that stopped arriving or is past its
 * deadline. Exactly one end is taken, under this object's lock: the whole body is handed on
 * (an async dispatch back through {@link BodyReceiver}), or the client gets the refusal and
 * the connection is closed; should the container end the request itself (an
 * {@link AsyncListener} event first), the reception only lets go of what it holds.
 *
 * <p>{@link BodyReceiver} also calls {@link #pump()} once on the request's own thread, after
 * setting the listener: reading what is already there is harmless wherever the container calls
 * the listener at once, and needed where it waits for {@code isReady()} to have answered false
 * (Grizzly, in some versions).
 *
 * <p>On WildFly the listener runs on Undertow's I/O threads, so a body over 16 KB is written to
 * its temporary file there: small writes to the page cache, not worth a hand-off.
 */
final class BodyReception implements ReadListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(BodyReception.class.getName());

    /** What the receiver does once the reception has ended, either way. */
    interface Ends {
        /** The whole body is in: hand the request on. */
        void received(BodyReception reception);

        /** The body is refused: answer the client with this code and message (the connection is then closed). */
        void refused(BodyReception reception, int code, String message);

        /** Called exactly once, after any end: release what the reception held. */
        void released(BodyReception reception);

        /** The handed-on request is over (the async cycle completed): release its dispatch slot. */
        void dispatchOver(BodyReception reception);
    }

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

    private long received;
    private long lastByteAt;
    private boolean ended;
    /** Whether the handed-on request holds one of the receiver's dispatch slots. */
    private final AtomicBoolean dispatchSlot = new AtomicBoolean();

    BodyReception(AsyncContext async, ServletInputStream in, ReceivedBody body, long declared, long limit,
            String tooLarge, String address, String path, long idleNanos, long deadlineNanos, Ends ends) {
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
        pump();
        synchronized (this) {
            if (!ended) {
                finish();
            }
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        if (!ended) {
            logCutShort(address, path, received, failure);
            refuse(400, BodyReceiver.TOO_SLOW);
        }
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

    /** Lets go of what the reception holds without touching the request, which is over. */
    private synchronized void abandon() {
        if (!ended) {
            ended = true;
            if (body != null) {
                body.close();
            }
            ends.released(this);
        }
    }

    /** A client that goes away, or sends less than it declared, is not a server failure: one line. */
    static void logCutShort(String address, String path, long received, Throwable failure) {
        LOG.log(Level.INFO, "request body from {0} to {1} ended after {2} bytes: {3}",
                new Object[] {address, path, received, failure.getClass().getSimpleName()});
    }

    /** Reads what can be read without blocking. */
    synchronized void pump() {
        byte[] buffer = BUFFER.get();
        try {
            while (!ended && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    finish();
                    return;
                }
                if (n == 0) {
                    continue;
                }
                lastByteAt = System.nanoTime();
                received += n;
                if (received > limit && body != null) {
                    refuse(400, tooLarge);
                    return;
                }
                if (body != null && !keep(buffer, n)) {
                    return;
                }
                if (declared > 0 && received >= declared) {
                    finish();
                    return;
                }
            }
            if (!ended && in.isFinished()) {
                finish();
            }
        } catch (IOException | RuntimeException cutShort) {
            if (!ended) {
                logCutShort(address, path, received, cutShort);
                refuse(400, BodyReceiver.TOO_SLOW);
            }
        }
    }

    /** Appends to the body; a failure here is the server's (a full disk), not the client's. */
    private boolean keep(byte[] buffer, int n) {
        try {
            body.append(buffer, n);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep a request body to " + path, e);
            refuse(503, RequestGate.BUSY);
            return false;
        }
    }

    /** The container would not take the listener: the client is told to try again. */
    synchronized void giveUp() {
        if (!ended) {
            refuse(503, RequestGate.BUSY);
        }
    }

    /** Refuses the body when nothing came for the idle time, or its deadline has passed. */
    synchronized void checkTime(long now) {
        if (!ended && (now - lastByteAt > idleNanos || now - deadline > 0)) {
            LOG.log(Level.INFO, "request body from {0} to {1} given up after {2} bytes: too slow",
                    new Object[] {address, path, received});
            refuse(400, BodyReceiver.TOO_SLOW);
        }
    }

    private void finish() {
        if (body == null) {
            refuse(400, tooLarge); // read to its end so that the client, still sending, reads this
            return;
        }
        if (declared > 0 && received != declared) {
            refuse(400, BodyReceiver.TOO_SLOW);
            return;
        }
        try {
            body.finish();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep a request body to " + path, e);
            refuse(503, RequestGate.BUSY);
            return;
        }
        ended = true;
        ends.released(this);
        try {
            ends.received(this);
        } catch (RuntimeException e) { // not handed on: nobody else will close or complete
            LOG.log(Level.WARNING, "could not hand on a request to " + path, e);
            body.close();
            completeQuietly();
        }
    }

    private void refuse(int code, String message) {
        ended = true;
        if (body != null) {
            body.close();
        }
        ends.released(this);
        try {
            ends.refused(this, code, message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not answer: {0}", e.toString());
        } finally {
            completeQuietly();
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
