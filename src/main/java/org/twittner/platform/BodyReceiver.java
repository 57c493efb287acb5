package org.twittner.platform;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives every API request body before the endpoint runs, so that every endpoint gets the same
 * limits and the same answers:
 * <ul>
 * <li>size: forms 1 MB, multipart forms 2 MB, uploads the configured limit; a body declared
 * larger is refused before a byte is read;</li>
 * <li>time: a body must be complete within {@code twittner.body.deadline.seconds}; one that stops
 * arriving ends when the server's read timeout fires; either way the answer is the envelope,
 * and a client that resets the connection costs one short log line;</li>
 * <li>threads: one client address may have {@code twittner.bodies.per.address} bodies in
 * flight; more are refused at once, so a few slow clients cannot take every request thread;</li>
 * <li>turns: a form request, once received, runs when the {@link RequestGate} gives it a turn.</li>
 * </ul>
 * Forms are then parsed into {@link RequestParams}; uploads go on with their body in a
 * temporary file. JAX-RS endpoints see a request without a body (their parameters are read), so
 * that odd methods or content types cannot upset the framework.
 *
 * <p>Why blocking reads: Payara's non-blocking servlet input (ReadListener) announced the end
 * of bodies before their bytes and spun on its async threads when tried here; the per-address
 * limit bounds what blocking reads can hold instead (docs/operations.md).
 */
@WebFilter(urlPatterns = "/mobile_api/*", asyncSupported = true)
public class BodyReceiver implements Filter {

    /** What an upload form may carry besides its file: text fields and part headers. */
    static final int UPLOAD_FORM_OVERHEAD_BYTES = 512 * 1024;

    static final String TOO_SLOW = "The request body did not arrive in time or was cut short";
    static final String TOO_MANY = "Too many requests in progress from your address; try again shortly";

    private static final Logger LOG = Logger.getLogger(BodyReceiver.class.getName());
    private static final String RECEIVED = BodyReceiver.class.getName() + ".received";
    /** A body declared over its limit, but not by more than this factor, is read and dropped. */
    private static final int DRAINED_OVER_LIMIT = 4;

    @Inject
    TwittnerConfig config;

    @Inject
    TempFiles tempFiles;

    @Inject
    RequestGate gate;

    private final Set<String> uploadPaths = new HashSet<>();
    private final Set<String> videoUploadPaths = new HashSet<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    @Override
    public void init(FilterConfig filterConfig) {
        for (ServletRegistration servlet : filterConfig.getServletContext().getServletRegistrations().values()) {
            if (implementsMarker(servlet.getClassName(), UploadEndpoint.class)) {
                uploadPaths.addAll(servlet.getMappings());
            }
            if (implementsMarker(servlet.getClassName(), VideoUploadEndpoint.class)) {
                videoUploadPaths.addAll(servlet.getMappings());
            }
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
        if (request.getAttribute(RECEIVED) != null) {
            chain.doFilter(request, response); // Payara may run the filter again for the same request
            return;
        }
        request.setAttribute(RECEIVED, Boolean.TRUE);
        try (CurrentRequest.Scope scope = CurrentRequest.set(request)) {
            receive(request, response, chain);
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
        ReceivedBody body = null;
        try {
            if (count.incrementAndGet() > config.bodiesPerAddress()) {
                refuseAndClose(response, TOO_MANY);
                return;
            }
            if (declared > limit) {
                // read and dropped, so that the client, still sending, can read the answer
                // (WildFly resets a connection closed under an unread body)
                drain(request);
                WireJson.send(Envelope.error(400, tooLarge), response);
                return;
            }
            body = upload ? ReceivedBody.inFile(tempFiles.newFile("body-", ".part")) : ReceivedBody.inMemory();
            String refusal = read(request, body, limit, tooLarge, address);
            if (refusal != null) {
                refuseAndClose(response, refusal);
                return;
            }
        } catch (IOException | RuntimeException e) {
            if (body != null) {
                body.close();
            }
            throw e;
        } finally {
            if (count.decrementAndGet() <= 0) {
                inFlight.remove(address, count);
            }
        }
        try (ReceivedBody received = body) {
            handOn(received, upload, request, response, chain);
        }
    }

    private void drain(HttpServletRequest request) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.bodyDeadlineSeconds());
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
            while (in.read(buffer) >= 0 && System.nanoTime() < deadline) {
                // dropped
            }
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    /** Reads the whole body; returns the refusal message, or null when it is all in. */
    private String read(HttpServletRequest request, ReceivedBody body, long limit, String tooLarge, String address)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.bodyDeadlineSeconds());
        byte[] buffer = new byte[16 * 1024];
        InputStream in = request.getInputStream();
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (body.length() + n > limit) {
                    return tooLarge;
                }
                body.append(buffer, n);
                if (System.nanoTime() > deadline) {
                    return TOO_SLOW;
                }
            }
        } catch (IOException cutShortOrTimedOut) {
            // a client that goes away, or stops sending, is not a server failure: one line
            LOG.log(Level.INFO, "request body from {0} to {1} ended after {2} bytes: {3}", new Object[] {
                    address, request.getRequestURI(), body.length(), cutShortOrTimedOut.getClass().getSimpleName()});
            return TOO_SLOW;
        }
        if (request.getContentLengthLong() > 0 && body.length() != request.getContentLengthLong()) {
            return TOO_SLOW;
        }
        body.finish();
        return null;
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
    private static void refuseAndClose(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Connection", "close");
        try {
            WireJson.send(Envelope.error(400, message), response);
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
