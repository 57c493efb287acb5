package org.twittner.platform;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request body that was not all there when its request arrived, received with non-blocking
 * reads: no thread waits on the client between its packets. The container calls
 * {@link #onDataAvailable()} when bytes are in; {@link BodyReceiver}'s sweeper calls
 * {@link #checkTime(long)} every second and refuses a body that stopped arriving or is past its
 * deadline. Exactly one end is taken, under this object's lock: the whole body is handed on
 * (an async dispatch back through {@link BodyReceiver}), or the client gets the refusal and
 * the connection is closed.
 *
 * <p>{@link #pump()} is called once on the request's own thread as well: Grizzly (Payara) only
 * starts calling the listener once {@code isReady()} has answered false.
 */
final class BodyReception implements ReadListener {

    private static final Logger LOG = Logger.getLogger(BodyReception.class.getName());

    /** What the receiver does once the reception has ended, either way. */
    interface Ends {
        /** The whole body is in: hand the request on. */
        void received(BodyReception reception);

        /** The body is refused: answer the client with this message (the connection is then closed). */
        void refused(BodyReception reception, String message);

        /** Called exactly once, after either end: release what the reception held. */
        void released(BodyReception reception);
    }

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
    /** One read buffer per thread, not per reception: thousands may be waiting at once. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    private long received;
    private long lastByteAt;
    private boolean ended;

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
            refuse(BodyReceiver.TOO_SLOW);
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
                    refuse(tooLarge);
                    return;
                }
                if (body != null) {
                    body.append(buffer, n);
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
                refuse(BodyReceiver.TOO_SLOW);
            }
        }
    }

    /** Refuses the body when nothing came for the idle time, or its deadline has passed. */
    synchronized void checkTime(long now) {
        if (!ended && (now - lastByteAt > idleNanos || now - deadline > 0)) {
            LOG.log(Level.INFO, "request body from {0} to {1} given up after {2} bytes: too slow",
                    new Object[] {address, path, received});
            refuse(BodyReceiver.TOO_SLOW);
        }
    }

    private void finish() {
        if (body == null) {
            refuse(tooLarge); // read to its end so that the client, still sending, reads this
            return;
        }
        if (declared > 0 && received != declared) {
            refuse(BodyReceiver.TOO_SLOW);
            return;
        }
        try {
            body.finish();
        } catch (IOException | RuntimeException e) {
            refuse(BodyReceiver.TOO_SLOW);
            return;
        }
        ended = true;
        ends.released(this);
        ends.received(this);
    }

    private void refuse(String message) {
        ended = true;
        if (body != null) {
            body.close();
        }
        ends.released(this);
        try {
            ends.refused(this, message);
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                LOG.log(Level.FINE, "reception already over: {0}", alreadyOver.toString());
            }
        }
    }
}
