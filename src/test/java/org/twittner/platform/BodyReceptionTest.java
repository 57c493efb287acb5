package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The reception's ends, as the container and the sweeper drive them: a body is handed on whole
 * or refused with the envelope, exactly once, whatever calls come after or at the same time.
 */
class BodyReceptionTest {

    private static final long IDLE = TimeUnit.SECONDS.toNanos(10);
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(120);

    @Test
    void aBodyThatArrivesInPiecesIsHandedOnWholeOnce() throws IOException {
        Exchange exchange = new Exchange(11);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("email=");
        reception.pump(); // the filter's own pump: Grizzly calls the listener only after isReady() said false
        exchange.in.arrive("x%40y");
        reception.onDataAvailable();
        reception.onAllDataRead(); // after the declared length: nothing more happens
        reception.checkTime(System.nanoTime() + IDLE * 2, Runnable::run);
        assertEquals(1, exchange.received.get());
        assertEquals(1, exchange.released.get());
        assertEquals("email=x%40y", new String(reception.body().open().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(exchange.answer(), "not refused: the dispatched request answers");
    }

    @Test
    void aBodyThatSendsNothingForTheIdleTimeIsRefused() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.waitingForMore();
        reception.checkTime(System.nanoTime() + IDLE / 2, Runnable::run);
        assertEquals(0, exchange.released.get(), "not yet idle");
        reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run);
        assertEquals("400 " + BodyReceiver.TOO_SLOW, exchange.answer(), "answered at once");
        assertEquals(0, exchange.completed.get(), "not completed while the client may still send");
        assertEquals(0, exchange.released.get());
        exchange.in.arrive("x".repeat(94)); // the rest, dropped
        reception.onDataAvailable();
        reception.onAllDataRead();
        assertEquals(0, exchange.received.get());
        assertEquals(1, exchange.released.get());
        assertEquals("400 " + BodyReceiver.TOO_SLOW, exchange.answer());
        assertEquals(1, exchange.completed.get());
    }

    @Test
    void aBodyPastItsDeadlineIsRefusedThoughBytesKeepComing() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000, DEADLINE * 2); // never idle
        exchange.in.arrive("a");
        reception.pump();
        reception.checkTime(System.nanoTime() + DEADLINE / 2, Runnable::run);
        assertNull(exchange.answer(), "within its deadline");
        reception.checkTime(System.nanoTime() + DEADLINE + 1, Runnable::run);
        assertTrue(exchange.answer().contains(BodyReceiver.TOO_SLOW), exchange.answer());
    }

    @Test
    void aBodyOverItsLimitIsRefusedAsTooLarge() {
        Exchange exchange = new Exchange(-1); // chunked: no declared length to refuse it by
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 10);
        exchange.in.arrive("0123456789A");
        reception.pump();
        assertTrue(exchange.answer().contains("too large"), exchange.answer());
        assertEquals(0, exchange.released.get(), "lingers while the client sends");
        exchange.in.arrive("more");
        exchange.in.end();
        reception.onDataAvailable();
        assertEquals(0, exchange.received.get());
        assertEquals(1, exchange.released.get());
        assertEquals(1, exchange.completed.get());
    }

    /**
     * A refusal decided while bytes are still there reads them (dropping them) before it is
     * carried out: the container calls the listener again only after isReady() said false.
     */
    @Test
    void aRefusalReadsWhatIsAlreadyThereAndCompletesWhenTheBodyEndedMeanwhile() {
        Exchange exchange = new Exchange(-1);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 10);
        exchange.in.arrive("0123456789A");
        exchange.in.arrive("more of it");
        exchange.in.end();
        reception.pump(); // one call from the container, and nothing after it
        assertTrue(exchange.answer().contains("too large"), exchange.answer());
        assertEquals(List.of("answer", "complete"), exchange.events);
        assertEquals(1, exchange.released.get());
        assertTrue(exchange.in.isFinished(), "everything there was read");
    }

    /** The container ends a lingering request itself (its read timeout): the reception lets go once. */
    @Test
    void theContainerEndingALingeringRequestReleasesItOnce() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.waitingForMore();
        reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run);
        reception.onComplete(null);
        reception.onError(new IOException("closed"));
        reception.checkTime(System.nanoTime() + BodyReception.LINGER_NANOS * 2, Runnable::run);
        assertEquals(1, exchange.released.get());
        assertEquals(List.of("answer"), exchange.events, "answered once, and not completed by the reception");
    }

    /**
     * A refused client that neither sends nor closes is let go after the lingering time (or by
     * the container's read timeout, reported as an error); one that closes, at once.
     */
    @Test
    void aRefusedBodyLingersUntilTheClientClosesOrItsTimeIsUp() {
        Exchange silent = new Exchange(100);
        BodyReception stalled = silent.waitingForMore();
        long refused = System.nanoTime() + IDLE + 1;
        stalled.checkTime(refused, Runnable::run);
        stalled.checkTime(refused + IDLE, Runnable::run); // the sweeper's next rounds: still lingering
        assertEquals(0, silent.completed.get());
        stalled.checkTime(System.nanoTime() + BodyReception.LINGER_NANOS + 1, Runnable::run);
        assertEquals(1, silent.completed.get());
        assertEquals(1, silent.released.get());
        assertEquals("400 " + BodyReceiver.TOO_SLOW, silent.answer(), "answered once");

        Exchange closing = new Exchange(100);
        BodyReception reception = closing.waitingForMore();
        reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run);
        reception.onError(new IOException("connection reset")); // the phone read the answer and closed
        reception.onComplete(null); // as the container then reports
        assertEquals(1, closing.completed.get());
        assertEquals(1, closing.released.get());
        assertEquals("400 " + BodyReceiver.TOO_SLOW, closing.answer());
    }

    @Test
    void aBodyThatEndsShortOfItsDeclaredLengthIsRefused() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("email=");
        exchange.in.end();
        reception.pump();
        assertTrue(exchange.answer().contains(BodyReceiver.TOO_SLOW), exchange.answer());
        assertEquals(0, exchange.received.get());
    }

    @Test
    void aBodyReadOnlyToBeDroppedIsAnsweredTooLargeOnceAllIn() {
        Exchange exchange = new Exchange(20);
        BodyReception reception = exchange.reception(null, 10);
        exchange.in.arrive("0123456789");
        reception.pump();
        assertNull(exchange.answer(), "the client is still sending: answered once it is all in");
        exchange.in.arrive("0123456789");
        reception.onDataAvailable();
        assertTrue(exchange.answer().contains("too large"), exchange.answer());
    }

    @Test
    void whenTheContainerEndsTheRequestFirstTheReceptionOnlyLetsGo() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.waitingForMore();
        reception.onComplete(null); // e.g. the client reset the connection and the container noticed first
        reception.checkTime(System.nanoTime() + IDLE * 2, Runnable::run);
        reception.onError(new IOException("reset"));
        assertEquals(1, exchange.released.get());
        assertNull(exchange.answer(), "nothing is written to a request that is over");
        assertEquals(0, exchange.completed.get());
        assertEquals(0, exchange.dispatchesOver.get(), "no dispatch slot was held");
    }

    @Test
    void theDispatchSlotIsLetGoOnceByWhoeverComesFirst() throws IOException {
        Exchange exchange = new Exchange(3);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("abc");
        reception.pump();
        reception.holdDispatchSlot(); // as the receiver does before dispatching
        assertTrue(reception.letGoOfDispatchSlot(), "the dispatched request lets go");
        reception.onComplete(null);
        assertEquals(0, exchange.dispatchesOver.get(), "not twice");

        Exchange other = new Exchange(3);
        BodyReception never = other.reception(ReceivedBody.inMemory(), 1000);
        other.in.arrive("abc");
        never.pump();
        never.holdDispatchSlot();
        never.onComplete(null); // the dispatched request never ran
        assertEquals(1, other.dispatchesOver.get());
    }

    @Test
    void aBodyThatCannotBeKeptIsTheServersFailureNotTheClients() {
        Exchange exchange = new Exchange(40_000);
        BodyReception reception = exchange.reception(ReceivedBody.spilling(16, () -> {
            throw new IOException("No space left on device");
        }), 100_000);
        exchange.in.arrive("0123456789");
        reception.pump();
        assertNull(exchange.answer(), "16 bytes fit in memory");
        exchange.in.arrive("0123456789");
        reception.onDataAvailable();
        assertEquals("503 " + RequestGate.BUSY, exchange.answer());
        exchange.in.end();
        reception.onAllDataRead();
        assertEquals(1, exchange.released.get());
        assertEquals(1, exchange.completed.get());
    }

    @Test
    void theSweeperAndTheLastBytesRacingEndTheReceptionOnce() throws Exception {
        Logger log = Logger.getLogger(BodyReception.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.WARNING); // not 500 lines of "given up"
        try {
            race();
        } finally {
            log.setLevel(level);
        }
    }

    private static void race() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Exchange exchange = new Exchange(3);
            BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
            exchange.in.arrive("ab");
            reception.pump();
            CountDownLatch start = new CountDownLatch(1);
            Thread sweeper = new Thread(() -> {
                await(start);
                reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run);
            });
            Thread container = new Thread(() -> {
                await(start);
                exchange.in.arrive("c");
                reception.onDataAvailable();
                reception.onAllDataRead();
            });
            sweeper.start();
            container.start();
            start.countDown();
            sweeper.join();
            container.join();
            reception.requestThreadLeaves(); // hands on a body the container thread completed
            assertEquals(1, exchange.released.get(), "released once");
            assertEquals(1, exchange.received.get() + exchange.completed.get(), "one end: handed on or refused");
        }
    }

    /**
     * The container holds its own locks while it calls the listener, and writing the answer
     * takes them: the sweeper must not hold the reception while it answers (it did, and an I/O
     * thread and the sweeper could wait on each other for ever).
     */
    @Test
    void theSweeperAnswersWithoutHoldingTheReception() throws Exception {
        Object containerLock = new Object();
        CountDownLatch answering = new CountDownLatch(1);
        Exchange exchange = new Exchange(100);
        exchange.whileAnswering = () -> {
            answering.countDown();
            synchronized (containerLock) {
                // the write goes through the container's connection
            }
        };
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("email=");
        reception.pump();
        Thread sweeper = new Thread(() -> reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run));
        Thread container = new Thread(() -> {
            synchronized (containerLock) { // e.g. the client closed: the container reports it
                sweeper.start();
                await(answering);
                reception.onError(new IOException("connection reset"));
            }
        });
        container.setDaemon(true);
        sweeper.setDaemon(true);
        container.start();
        container.join(5_000);
        sweeper.join(5_000);
        assertTrue(!container.isAlive() && !sweeper.isAlive(), "the sweeper and the container wait on each other");
        assertEquals("400 " + BodyReceiver.TOO_SLOW, exchange.answer());
        assertEquals(1, exchange.released.get());
        assertEquals(List.of("answer", "complete"), exchange.events,
                "completed after the answer is written, not before or under it");
    }

    /**
     * The sweeper checks thousands of receptions each second: it never waits for one that is
     * reading just now (a fast sender may keep it reading for long), nor for a write of its own.
     */
    @Test
    void theSweeperNeitherWaitsForAReceptionThatIsReadingNorWrites() throws Exception {
        Exchange exchange = new Exchange(100);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        exchange.in.whileReading = () -> {
            reading.countDown();
            await(goOn);
        };
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("email=");
        Thread container = new Thread(reception::pump);
        container.setDaemon(true);
        container.start();
        assertTrue(reading.await(5, TimeUnit.SECONDS));
        Thread sweeper = new Thread(() -> reception.checkTime(System.nanoTime() + IDLE + 1, Runnable::run));
        sweeper.setDaemon(true);
        sweeper.start();
        sweeper.join(2_000);
        assertTrue(!sweeper.isAlive(), "the sweeper waited for a reception that was reading");
        assertNull(exchange.answer(), "a reception that is reading is not idle");
        goOn.countDown();
        container.join(5_000);

        List<Runnable> handedToTheCarrier = new ArrayList<>();
        reception.checkTime(System.nanoTime() + IDLE + 1, handedToTheCarrier::add);
        assertNull(exchange.answer(), "the sweeper's thread does not write");
        assertEquals(1, handedToTheCarrier.size());
        handedToTheCarrier.get(0).run();
        assertEquals("400 " + BodyReceiver.TOO_SLOW, exchange.answer());
    }

    /**
     * The container ends a request whose answer is still waiting for the executor: after a
     * short wait the reception lets go, once, and the answer is not written to a response the
     * container may have given to another request.
     */
    @Test
    void anAnswerStillQueuedWhenTheContainerEndsTheRequestIsNotWritten() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.waitingForMore();
        List<Runnable> queued = new ArrayList<>();
        reception.checkTime(System.nanoTime() + IDLE + 1, queued::add);
        reception.onComplete(null); // waits for the answer, 2 s at most
        assertEquals(1, exchange.released.get());
        queued.get(0).run();
        assertNull(exchange.answer(), "nothing written to a request the container has ended");
        assertEquals(1, exchange.released.get());
        assertEquals(0, exchange.completed.get());
    }

    /** An interrupted wait for the answer releases nothing twice, whoever ended the lingering. */
    @Test
    void anInterruptedContainerThreadReleasesNothingTwice() {
        Exchange exchange = new Exchange(100);
        BodyReception reception = exchange.waitingForMore();
        List<Runnable> queued = new ArrayList<>();
        reception.checkTime(System.nanoTime() + IDLE + 1, queued::add);
        reception.onError(new IOException("connection reset")); // ends the lingering: left to the answering thread
        Thread.currentThread().interrupt();
        try {
            reception.onComplete(null);
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, exchange.released.get(), "the answering thread releases");
        queued.get(0).run();
        assertEquals(1, exchange.released.get());
        assertNull(exchange.answer());
    }

    /**
     * Payara can lose a dispatch made by another thread while the request thread is on its
     * way out (payara/Payara#8279): a body completed elsewhere while the request thread is
     * inside is handed on by the request thread, which waits briefly for a body still arriving.
     */
    @Test
    void aBodyCompletedElsewhereWhileTheRequestThreadIsInsideIsHandedOnByTheRequestThread() throws Exception {
        Exchange exchange = new Exchange(11);
        BodyReception reception = exchange.waitingForMore();
        restArrivesOnAnotherThread(exchange, reception);
        assertEquals(0, exchange.received.get(), "not dispatched from the container's thread while the request thread is inside");
        reception.requestThreadLeaves();
        assertEquals(List.of(Thread.currentThread()), exchange.receivedOn);
        assertEquals(1, exchange.released.get());
        assertTrue(exchange.putOff.isEmpty());

        Exchange arriving = new Exchange(11);
        arriving.requestThreadWait = TimeUnit.SECONDS.toNanos(30);
        BodyReception late = arriving.waitingForMore();
        Thread requestThread = Thread.currentThread();
        Thread packet = new Thread(() -> {
            untilWaiting(requestThread); // the rest comes while the request thread waits for it
            arriving.in.arrive("x%40y");
            late.onDataAvailable();
        });
        packet.start();
        long leaving = System.nanoTime();
        late.requestThreadLeaves();
        assertTrue(System.nanoTime() - leaving < TimeUnit.SECONDS.toNanos(10), "woken by the hand-on, not the wait's end");
        packet.join();
        assertEquals(List.of(requestThread), arriving.receivedOn, "handed on by the request thread that waited");
        assertTrue(arriving.putOff.isEmpty());

        Exchange refused = new Exchange(100);
        refused.requestThreadWait = TimeUnit.SECONDS.toNanos(30);
        BodyReception slow = refused.waitingForMore();
        Thread sweeper = new Thread(() -> {
            untilWaiting(requestThread);
            slow.checkTime(System.nanoTime() + IDLE + 1, Runnable::run);
        });
        sweeper.start();
        leaving = System.nanoTime();
        slow.requestThreadLeaves();
        assertTrue(System.nanoTime() - leaving < TimeUnit.SECONDS.toNanos(10), "a refusal ends the wait too");
        sweeper.join();
        assertEquals("400 " + BodyReceiver.TOO_SLOW, refused.answer());
        assertEquals(0, refused.received.get());
    }

    @Test
    void aBodyCompletedElsewhereAfterTheRequestThreadLeftIsHandedOnAfterTheGrace() throws Exception {
        Exchange exchange = new Exchange(11);
        exchange.grace = TimeUnit.HOURS.toNanos(1);
        BodyReception reception = exchange.waitingForMore();
        reception.requestThreadLeaves();
        restArrivesOnAnotherThread(exchange, reception);
        assertEquals(0, exchange.received.get(), "put off");
        assertEquals(1, exchange.putOff.size());
        long delay = exchange.putOff.get(0).delayNanos();
        assertTrue(delay > TimeUnit.MINUTES.toNanos(59) && delay <= exchange.grace, "put off by the rest of the grace: " + delay);
        exchange.putOff.get(0).task().run();
        assertEquals(1, exchange.received.get());
        assertEquals(1, exchange.released.get());

        Exchange afterGrace = new Exchange(11);
        afterGrace.grace = 0;
        BodyReception slow = afterGrace.waitingForMore();
        slow.requestThreadLeaves();
        Thread completer = restArrivesOnAnotherThread(afterGrace, slow);
        assertTrue(afterGrace.putOff.isEmpty(), "the grace is over: handed on at once");
        assertEquals(List.of(completer), afterGrace.receivedOn);

        Exchange undertow = new Exchange(11);
        undertow.handing = BodyReception.Handing.AT_ONCE;
        BodyReception wildfly = undertow.waitingForMore();
        Thread ioThread = restArrivesOnAnotherThread(undertow, wildfly);
        assertEquals(List.of(ioThread), undertow.receivedOn, "on Undertow: handed on at once, from the I/O thread");
        wildfly.requestThreadLeaves();
        assertEquals(1, undertow.received.get());
        assertTrue(undertow.putOff.isEmpty());
    }

    /** The container ends the request while its hand-on is put off: nothing is dispatched or written. */
    @Test
    void aHandOnPutOffPastTheRequestsEndOnlyLetsGo() throws Exception {
        Exchange exchange = new Exchange(11);
        exchange.grace = TimeUnit.HOURS.toNanos(1);
        BodyReception reception = exchange.waitingForMore();
        reception.requestThreadLeaves();
        restArrivesOnAnotherThread(exchange, reception);
        reception.onComplete(null); // e.g. the client reset the connection meanwhile
        exchange.putOff.get(0).task().run();
        assertEquals(0, exchange.received.get(), "not dispatched: the request is over");
        assertEquals(1, exchange.released.get());
        assertNull(exchange.answer());
    }

    /** Should the container lose a dispatch all the same, the receiver answers it "busy", once. */
    @Test
    void aLostDispatchIsAnsweredBusy() throws Exception {
        Exchange exchange = new Exchange(3);
        BodyReception reception = exchange.reception(ReceivedBody.inMemory(), 1000);
        exchange.in.arrive("abc");
        reception.pump();
        assertEquals(1, exchange.received.get());
        Logger log = Logger.getLogger(BodyReception.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // its SEVERE line is for real losses: a CI log with one is worth a look
        try {
            reception.dispatchLost();
        } finally {
            log.setLevel(level);
        }
        assertEquals("503 " + RequestGate.BUSY, exchange.answer());
        assertEquals(List.of("answer", "complete"), exchange.events);
    }

    /** The rest of an 11-byte login ("email=" came) arrives, on a container thread of its own. */
    private static Thread restArrivesOnAnotherThread(Exchange exchange, BodyReception reception)
            throws InterruptedException {
        Thread io = new Thread(() -> {
            exchange.in.arrive("x%40y");
            reception.onDataAvailable();
        });
        io.start();
        io.join();
        return io;
    }

    /** Until the thread waits with a time-out (5 s at most: a test without the wait fails, not hangs). */
    private static void untilWaiting(Thread thread) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request as the reception sees it: its input, its response, its async context. */
    private static final class Exchange {
        final long declared;
        final FakeInput in = new FakeInput();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger dispatchesOver = new AtomicInteger();
        /** The threads the body was handed on by. */
        final List<Thread> receivedOn = new CopyOnWriteArrayList<>();
        /** Hand-ons put off for later, not yet run. */
        final List<PutOff> putOff = new CopyOnWriteArrayList<>();
        /** As on Payara, with these waits, unless set. */
        long requestThreadWait = BodyReception.REQUEST_THREAD_WAIT_NANOS;
        long grace = BodyReception.DISPATCH_GRACE_NANOS;
        BodyReception.Handing handing;
        /** "answer" and "complete", in the order they happened. */
        final List<String> events = new CopyOnWriteArrayList<>();
        /** What writing the answer does besides: takes a container lock, in one test. */
        Runnable whileAnswering = () -> { };

        Exchange(long declared) {
            this.declared = declared;
        }

        /** A login whose first bytes of the 100 declared came, and which waits for more. */
        BodyReception waitingForMore() {
            BodyReception reception = reception(ReceivedBody.inMemory(), 1000);
            in.arrive("email=");
            reception.pump();
            return reception;
        }

        BodyReception reception(ReceivedBody body, long limit) {
            return reception(body, limit, IDLE);
        }

        BodyReception reception(ReceivedBody body, long limit, long idle) {
            AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "complete" -> {
                                completed.incrementAndGet();
                                events.add("complete");
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
            return new BodyReception(async, in, body, declared, limit, "The file is too large", "10.0.0.1",
                    "/mobile_api/login", idle, DEADLINE, new BodyReception.Ends() {
                        @Override
                        public void received(BodyReception done) {
                            received.incrementAndGet();
                            receivedOn.add(Thread.currentThread());
                        }

                        @Override
                        public void refused(BodyReception done, int code, String message) {
                            whileAnswering.run();
                            refusals.add(code + " " + message);
                            events.add("answer");
                        }

                        @Override
                        public void dispatchOver(BodyReception done) {
                            dispatchesOver.incrementAndGet();
                        }

                        @Override
                        public void released(BodyReception done) {
                            released.incrementAndGet();
                        }
                    }, handing != null ? handing : new BodyReception.Handing(
                            (delay, task) -> putOff.add(new PutOff(delay, task)), true, requestThreadWait, grace));
        }

        /** The refusal the client was answered with, or null. */
        String answer() {
            assertTrue(refusals.size() <= 1, "refused once: " + refusals);
            return refusals.isEmpty() ? null : refusals.get(0);
        }
    }

    private record PutOff(long delayNanos, Runnable task) {
    }

    /** Bytes that have arrived so far; ready while some are unread, or once the body ended. */
    private static final class FakeInput extends ServletInputStream {
        private final Deque<byte[]> chunks = new ArrayDeque<>();
        private boolean ended;
        /** What a read does besides: waits, in one test. */
        Runnable whileReading = () -> { };

        synchronized void arrive(String text) {
            chunks.add(text.getBytes(StandardCharsets.US_ASCII));
        }

        synchronized void end() {
            ended = true;
        }

        @Override
        public synchronized boolean isReady() {
            return !chunks.isEmpty() || ended;
        }

        @Override
        public synchronized boolean isFinished() {
            return chunks.isEmpty() && ended;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("the reception reads into its buffer");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            whileReading.run();
            synchronized (this) {
                return readChunk(buffer, offset, length);
            }
        }

        private int readChunk(byte[] buffer, int offset, int length) {
            byte[] chunk = chunks.poll();
            if (chunk == null) {
                if (ended) {
                    return -1;
                }
                throw new IllegalStateException("read while not ready");
            }
            if (chunk.length > length) {
                throw new IllegalStateException("test chunks fit the buffer");
            }
            System.arraycopy(chunk, 0, buffer, offset, chunk.length);
            return chunk.length;
        }
    }
}
