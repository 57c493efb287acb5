package org.twittner.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives every API request body before the endpoint runs, so that every endpoint gets the same
 * limits and the same answers:
 * <ul>
 * <li>size: forms 1 MB, multipart forms 2 MB, uploads the configured limit; a body declared
 * larger is refused before a byte is read (far larger) or read and dropped (a bit larger);</li>
 * <li>threads: a body that came with its request's head (most forms) is read on the request's
 * thread; any other is received without one ({@link BodyReception}, non-blocking reads), so
 * clients that send slowly or stop hold a connection and their bytes so far, never a thread;</li>
 * <li>time: a body that sends nothing for {@code twittner.body.idle.seconds}, or is not
 * complete within {@code twittner.body.deadline.seconds}, is refused with the envelope, and a
 * client that resets the connection costs one short log line;</li>
 * <li>clients: one client address may have {@code twittner.bodies.per.address} bodies in
 * flight; more are refused at once;</li>
 * <li>turns: a form request, once received, runs when the {@link RequestGate} gives it a turn.</li>
 * </ul>
 * Forms are then parsed into {@link RequestParams}; uploads go on with their body in a
 * temporary file. JAX-RS endpoints see a request without a body (their parameters are read), so
 * that odd methods or content types cannot upset the framework.
 */
@WebFilter(urlPatterns = "/mobile_api/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyReceiver implements Filter {

    /** What an upload form may carry besides its file: text fields and part headers. */
    static final int UPLOAD_FORM_OVERHEAD_BYTES = 512 * 1024;

    static final String TOO_SLOW = "The request body did not arrive in time or was cut short";
    static final String TOO_MANY = "Too many requests in progress from your address; try again shortly";

    private static final Logger LOG = Logger.getLogger(BodyReceiver.class.getName());
    private static final String RECEIVED = BodyReceiver.class.getName() + ".received";
    private static final String RECEIVED_BODY = BodyReceiver.class.getName() + ".body";
    /**
     * Bodies received without a thread at once; more are answered "busy". With at most
     * {@link #HELD_IN_MEMORY_BYTES} each in memory, waiting bodies hold at most 64 MB of heap.
     */
    static final int MAX_RECEIVING = 4096;
    /** Requests whose body came late handled at once (waiting for a gate turn included). */
    static final int MAX_DISPATCHED = 256;
    /** A body received without a thread is kept in memory up to this size, in a temporary file beyond. */
    static final int HELD_IN_MEMORY_BYTES = 16 * 1024;
    /**
     * A dispatch that has not reached the filter after this long was lost by the container
     * (see {@link BodyReception}): its client is answered "busy". Dispatches start within
     * milliseconds (Payara runs them on a pool without a bound; the gate is waited for after).
     */
    static final long LOST_DISPATCH_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** A body declared over its limit, but not by more than this factor, is read and dropped. */
    private static final int DRAINED_OVER_LIMIT = 4;

    @Inject
    TwittnerConfig config;

    @Inject
    TempFiles tempFiles;

    @Inject
    RequestGate gate;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Writes the sweeper's refusals, so that a write that blocks does not hold up the sweeper. */
    @Resource
    ManagedExecutorService executor;

    private final Set<String> uploadPaths = new HashSet<>();
    private final Set<String> videoUploadPaths = new HashSet<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Bodies being received without a thread: the sweeper checks their time every second. */
    private final Set<BodyReception> receptions = ConcurrentHashMap.newKeySet();
    private final Semaphore receivingSlots = new Semaphore(MAX_RECEIVING);
    /**
     * Requests handed on after their body came late. Payara runs an async dispatch on a thread
     * pool of its own without a bound, so this bounds them instead, near what Payara's 200
     * request threads bounded before; beyond it a received body is answered "busy".
     */
    private final Semaphore dispatchSlots = new Semaphore(MAX_DISPATCHED);
    /** Dispatches made and not yet back in the filter, with when they were made. */
    private final Map<BodyReception, Long> dispatching = new ConcurrentHashMap<>();
    /** The request thread's wait for a late body on Payara (tests that hold thousands set 0). */
    long requestThreadWaitNanos = BodyReception.REQUEST_THREAD_WAIT_NANOS;
    private ScheduledFuture<?> sweeper;

    @Override
    public void init(FilterConfig filterConfig) {
        sweeper = scheduler.scheduleWithFixedDelay(() -> sweep(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
        for (ServletRegistration servlet : filterConfig.getServletContext().getServletRegistrations().values()) {
            if (implementsMarker(servlet.getClassName(), UploadEndpoint.class)) {
                uploadPaths.addAll(servlet.getMappings());
            }
            if (implementsMarker(servlet.getClassName(), VideoUploadEndpoint.class)) {
                videoUploadPaths.addAll(servlet.getMappings());
            }
        }
    }

    /**
     * Every second: gives up bodies that stopped arriving or are past their deadline, and
     * answers dispatches the container lost. A sweep that throws would be the last one.
     */
    void sweep(long now) {
        for (BodyReception reception : receptions) {
            try {
                reception.checkTime(now, executor);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not give up a slow request body", e);
            }
        }
        dispatching.forEach((reception, since) -> {
            if (now - since > LOST_DISPATCH_NANOS && dispatching.remove(reception, since)) {
                try {
                    answerLostDispatch(reception);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not answer a lost dispatch", e);
                }
            }
        });
    }

    /** On the executor: a write that blocks must not hold up the sweeper. */
    private void answerLostDispatch(BodyReception reception) {
        Runnable answer = () -> {
            try {
                reception.dispatchLost();
            } finally {
                if (reception.letGoOfDispatchSlot()) {
                    dispatchSlots.release();
                }
            }
        };
        try {
            executor.execute(answer);
        } catch (RuntimeException rejected) {
            answer.run();
        }
    }

    private static boolean implementsMarker(String className, Class<?> marker) {
        try {
            return className != null && marker.isAssignableFrom(
                    Class.forName(className, false, BodyReceiver.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError notOurs) {
            return false;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Object receivedLater = request.getAttribute(RECEIVED_BODY);
        if (request.getDispatcherType() == DispatcherType.ASYNC && receivedLater instanceof BodyReception reception) {
            // back from receiveLater with the whole body
            request.removeAttribute(RECEIVED_BODY);
            if (dispatching.remove(reception) == null) {
                return; // the sweeper took it for lost and answered it
            }
            try (CurrentRequest.Scope scope = CurrentRequest.set(request); ReceivedBody body = reception.body()) {
                handOn(body, uploadPaths.contains(request.getServletPath()), request, response, chain);
            } finally {
                if (reception.letGoOfDispatchSlot()) {
                    dispatchSlots.release();
                }
            }
            return;
        }
        if (request.getAttribute(RECEIVED) != null) {
            chain.doFilter(request, response); // Payara may run the filter again for the same request
            return;
        }
        request.setAttribute(RECEIVED, Boolean.TRUE);
        try (CurrentRequest.Scope scope = CurrentRequest.set(request)) {
            receive(request, response, chain);
        }
    }

    @Override
    public void destroy() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean upload = uploadPaths.contains(request.getServletPath());
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            try (ReceivedBody none = ReceivedBody.inMemory()) {
                handOn(none, upload, request, response, chain);
            }
            return;
        }
        long uploadMax = videoUploadPaths.contains(request.getServletPath())
                ? Math.max(config.uploadMaxBytes(), config.videoMaxBytes()) : config.uploadMaxBytes();
        long limit = upload ? uploadMax + UPLOAD_FORM_OVERHEAD_BYTES
                : RequestParams.isMultipart(request.getContentType())
                        ? RequestParams.MAX_MULTIPART_FORM_BYTES : RequestParams.MAX_FORM_BYTES;
        String tooLarge = (upload ? ApiException.uploadTooLarge(uploadMax) : RequestParams.tooLarge()).getMessage();
        if (declared > DRAINED_OVER_LIMIT * limit) {
            refuseAndClose(response, tooLarge); // far too large: not worth reading
            return;
        }
        String address = config.trustedProxies().clientAddressOf(request);
        AtomicInteger count = inFlight.computeIfAbsent(address, a -> new AtomicInteger());
        boolean receiving = false;
        boolean slot = false;
        ReceivedBody body = null;
        try {
            if (count.incrementAndGet() > config.bodiesPerAddress()) {
                refuseAndClose(response, TOO_MANY);
                return;
            }
            // a body declared over its limit is read and dropped, so that the client, still
            // sending, can read the answer (WildFly resets a connection closed under an unread body)
            boolean drop = declared > limit;
            ServletInputStream in = request.getInputStream();
            // the common case, a form that came with its head: read on this thread, nothing to wait for
            boolean here;
            try {
                here = !drop && !chunked && in.available() >= declared;
            } catch (IOException cutShort) { // WildFly reads ahead here, and may find the client gone
                BodyReception.logCutShort(address, request.getRequestURI(), 0, cutShort);
                refuseAndClose(response, TOO_SLOW);
                return;
            }
            if (!here) {
                slot = receivingSlots.tryAcquire();
                if (!slot) {
                    refuseAndClose(response, 503, RequestGate.BUSY);
                    return;
                }
            }
            if (here) {
                body = upload ? ReceivedBody.inFile(tempFiles.newFile("body-", ".part")) : ReceivedBody.inMemory();
            } else if (!drop) {
                body = ReceivedBody.spilling(HELD_IN_MEMORY_BYTES, () -> tempFiles.newFile("body-", ".part"));
            }
            if (here) {
                try {
                    readBuffered(in, body, declared);
                } catch (IOException cutShort) {
                    BodyReception.logCutShort(address, request.getRequestURI(), body.length(), cutShort);
                    body.close();
                    refuseAndClose(response, TOO_SLOW);
                    return;
                }
            } else {
                BodyReception reception = receiveLater(request, in, body, declared, limit, tooLarge, address, count);
                receiving = true; // from here the reception releases what it holds, exactly once
                try {
                    reception.pump();
                } finally {
                    reception.requestThreadLeaves();
                }
                return;
            }
        } catch (IOException | RuntimeException e) {
            if (body != null) {
                body.close();
            }
            throw e;
        } finally {
            if (!receiving) {
                release(address, count);
                if (slot) {
                    receivingSlots.release();
                }
            }
        }
        try (ReceivedBody received = body) {
            handOn(received, upload, request, response, chain);
        }
    }

    private static void readBuffered(ServletInputStream in, ReceivedBody body, long declared) throws IOException {
        byte[] buffer = new byte[(int) Math.min(16 * 1024, declared)];
        while (body.length() < declared) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, declared - body.length()));
            if (n < 0) {
                throw new IOException("the body ended before its declared length");
            }
            body.append(buffer, n);
        }
        body.finish();
    }

    /**
     * The body is not all here yet: the request thread goes back to the container, and the body
     * is read as it arrives ({@link BodyReception}); once in, the request is dispatched again
     * and handled like one whose body came at once.
     */
    private BodyReception receiveLater(HttpServletRequest request, ServletInputStream in, ReceivedBody body,
            long declared, long limit, String tooLarge, String address, AtomicInteger count) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the sweeper gives up slow bodies; the endpoint may then take its time
        BodyReception reception = new BodyReception(async, in, body, declared, limit, tooLarge, address,
                request.getRequestURI(), TimeUnit.SECONDS.toNanos(config.bodyIdleSeconds()),
                TimeUnit.SECONDS.toNanos(config.bodyDeadlineSeconds()), new BodyReception.Ends() {
                    @Override
                    public void received(BodyReception done) {
                        if (!dispatchSlots.tryAcquire()) {
                            done.body().close();
                            refuseAndClose((HttpServletResponse) async.getResponse(), 503, RequestGate.BUSY);
                            async.complete();
                            return;
                        }
                        done.holdDispatchSlot();
                        dispatching.put(done, System.nanoTime());
                        try {
                            async.dispatch();
                        } catch (RuntimeException notDispatched) {
                            dispatching.remove(done);
                            if (done.letGoOfDispatchSlot()) {
                                dispatchSlots.release();
                            }
                            throw notDispatched; // the reception closes the body and completes
                        }
                    }

                    @Override
                    public void refused(BodyReception done, int code, String message) {
                        HttpServletResponse response = (HttpServletResponse) async.getResponse();
                        refuseAndClose(response, code, message);
                        try {
                            response.flushBuffer(); // now: the request may linger before it completes
                        } catch (IOException clientGone) {
                            LOG.log(Level.FINE, "could not answer: {0}", clientGone.toString());
                        }
                    }

                    @Override
                    public void released(BodyReception done) {
                        receptions.remove(done);
                        release(address, count);
                        receivingSlots.release();
                    }

                    @Override
                    public void dispatchOver(BodyReception done) {
                        dispatching.remove(done); // the container ended the request: not lost
                        dispatchSlots.release();
                    }
                }, isUndertows(request) ? BodyReception.Handing.AT_ONCE
                        : new BodyReception.Handing(this::later, true, requestThreadWaitNanos,
                                BodyReception.DISPATCH_GRACE_NANOS));
        // set here, on the request's own thread: the attributes of a request are no place for
        // another thread to write while the container may still be using them (the dispatch
        // that reads it happens once the body is in)
        request.setAttribute(RECEIVED_BODY, reception);
        receptions.add(reception);
        try {
            async.addListener(reception);
            in.setReadListener(reception);
        } catch (RuntimeException refused) {
            LOG.log(Level.WARNING, "could not receive a request body without a thread", refused);
            reception.giveUp(); // ends it (once), releasing what it holds and answering "busy"
        }
        return reception;
    }

    private void later(long delayNanos, Runnable task) {
        scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Whether Undertow (WildFly) serves the request, under whatever wrappers. */
    static boolean isUndertows(ServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        return unwrapped.getClass().getName().startsWith("io.undertow.");
    }

    private void release(String address, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            inFlight.remove(address, count);
        }
    }

    /**
     * Forms are parsed here, and their request waits its turn at the gate (once it is all in:
     * a slow body holds no turn); uploads go on with their body, their image and video work
     * bounded by its own permits.
     */
    private void handOn(ReceivedBody body, boolean upload, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        HttpServletRequest withBody = body.asRequest(request);
        if (upload) {
            chain.doFilter(withBody, response);
            return;
        }
        try {
            RequestParams.read(withBody).attachTo(request);
        } catch (ApiException unreadable) {
            WireJson.send(unreadable.toEnvelope(), response);
            return;
        }
        if (!gate.enter()) {
            WireJson.send(Envelope.error(503, RequestGate.BUSY), response);
            return;
        }
        try {
            chain.doFilter(new WithoutBody(request), response);
        } finally {
            gate.leave();
        }
    }

    /** The rest of the body is not read: the connection is closed after the answer. */
    static void refuseAndClose(HttpServletResponse response, String message) {
        refuseAndClose(response, 400, message);
    }

    static void refuseAndClose(HttpServletResponse response, int code, String message) {
        response.setHeader("Connection", "close");
        try {
            WireJson.send(Envelope.error(code, message), response);
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "could not answer: {0}", clientGone.toString());
        }
    }

    /** The request as JAX-RS sees it once its parameters are read: no body, no content type. */
    static final class WithoutBody extends HttpServletRequestWrapper {
        private static final Set<String> HIDDEN = Set.of("content-type", "content-length", "transfer-encoding");

        private static final ServletInputStream EMPTY = new ServletInputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public boolean isFinished() {
                return true;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("no body");
            }
        };

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!hidden(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }

        @Override
        public ServletInputStream getInputStream() {
            return EMPTY;
        }

        private static boolean hidden(String name) {
            return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
