package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver's bounds on bodies that wait without a thread, with requests as the container
 * hands them over (no server: 4,097 connections are more than a test should open): at most
 * {@link BodyReceiver#MAX_RECEIVING} at once, then "busy" at once; a slot is used again once
 * its body ends; at most {@code bodiesPerAddress} from one address.
 */
class BodyReceiverTest {

    private static final FilterChain NEVER = (request, response) -> {
        throw new AssertionError("no body was complete: nothing is handed on");
    };

    private final BodyReceiver receiver = new BodyReceiver();
    private final Logger log = Logger.getLogger(BodyReception.class.getName());
    private Level level;

    @BeforeEach
    void receiver() {
        receiver.requestThreadWaitNanos = 0; // the 2 ms wait on Payara's way out, 8,200 times, is not what this tests
        receiver.config = new TwittnerConfig() {
            @Override
            public TrustedProxies trustedProxies() {
                return TrustedProxies.NONE;
            }

            @Override
            public int bodiesPerAddress() {
                return 8;
            }

            @Override
            public int bodyIdleSeconds() {
                return 10;
            }

            @Override
            public int bodyDeadlineSeconds() {
                return 120;
            }

            @Override
            public long uploadMaxBytes() {
                return 20L << 20;
            }

            @Override
            public long videoMaxBytes() {
                return 100L << 20;
            }
        };
        level = log.getLevel();
        log.setLevel(Level.WARNING); // not thousands of "ended after" lines
    }

    @AfterEach
    void logLevel() {
        log.setLevel(level);
    }

    @Test
    void beyondTheWaitingBodiesCapTheNextIsBusyAtOnceAndAnEndedOneFreesItsSlot() throws Exception {
        List<Call> waiting = new ArrayList<>();
        for (int i = 0; i < BodyReceiver.MAX_RECEIVING; i++) {
            Call call = new Call("10.%d.%d.%d".formatted(i >> 16 & 255, i >> 8 & 255, i & 255));
            receiver.doFilter(call.request, call.response, NEVER);
            assertNotNull(call.listener, "received without a thread");
            assertNull(call.answer(), "held, not answered");
            waiting.add(call);
        }
        Call busy = new Call("10.99.0.1");
        receiver.doFilter(busy.request, busy.response, NEVER);
        assertNull(busy.listener);
        assertEquals("{\"code\":503,\"message\":\"" + RequestGate.BUSY + "\",\"data\":[]}", busy.answer());
        assertEquals("close", busy.headers.get("Connection"));

        // one client goes away: its slot is free again
        Call gone = waiting.get(17);
        gone.listener.onError(new IOException("connection reset"));
        assertTrue(gone.completed);
        Call next = new Call("10.99.0.2");
        receiver.doFilter(next.request, next.response, NEVER);
        assertNotNull(next.listener, "the freed slot is used");
        assertNull(next.answer());

        Call busyAgain = new Call("10.99.0.3");
        receiver.doFilter(busyAgain.request, busyAgain.response, NEVER);
        assertTrue(busyAgain.answer().contains(RequestGate.BUSY), busyAgain.answer());

        for (Call call : waiting) {
            call.listener.onError(new IOException("connection reset"));
        }
        next.listener.onError(new IOException("connection reset"));
        List<Call> again = new ArrayList<>();
        for (int i = 0; i < BodyReceiver.MAX_RECEIVING; i++) {
            Call call = new Call("10.%d.%d.%d".formatted(100 + (i >> 16 & 255), i >> 8 & 255, i & 255));
            receiver.doFilter(call.request, call.response, NEVER);
            assertNotNull(call.listener, "every slot was given back");
            again.add(call);
        }
        Call full = new Call("10.99.0.4");
        receiver.doFilter(full.request, full.response, NEVER);
        assertTrue(full.answer().contains(RequestGate.BUSY), full.answer());
        for (Call call : again) {
            call.listener.onError(new IOException("connection reset"));
        }
    }

    @Test
    void oneAddressHasAtMostItsShareOfBodiesInFlight() throws Exception {
        List<Call> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Call call = new Call("192.0.2.7");
            receiver.doFilter(call.request, call.response, NEVER);
            assertNull(call.answer());
            waiting.add(call);
        }
        Call ninth = new Call("192.0.2.7");
        receiver.doFilter(ninth.request, ninth.response, NEVER);
        assertEquals("{\"code\":400,\"message\":\"" + BodyReceiver.TOO_MANY + "\",\"data\":[]}", ninth.answer());
        Call other = new Call("192.0.2.8");
        receiver.doFilter(other.request, other.response, NEVER);
        assertNull(other.answer(), "another address is not held to it");

        waiting.get(0).listener.onError(new IOException("connection reset"));
        Call again = new Call("192.0.2.7");
        receiver.doFilter(again.request, again.response, NEVER);
        assertNull(again.answer(), "its share is free again once a body ends");
    }

    /**
     * A dispatch the container never runs (payara/Payara#8279) is answered "busy" by the sweep
     * once it is 5 s old, not before; the filter's async pass, should it come after all, gives way.
     */
    @Test
    void aDispatchThatNeverArrivesIsAnsweredBusyAndALatePassGivesWay() throws Exception {
        receiver.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    ((Runnable) args[0]).run();
                    return null;
                });
        log.setLevel(Level.OFF); // the SEVERE line is for real losses
        Call call = new Call("192.0.2.9", "email=a%40b");
        receiver.doFilter(call.request, call.response, NEVER);
        assertTrue(call.dispatched, "the body came in the filter's own pump: dispatched");

        receiver.sweep(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        assertNull(call.answer(), "a dispatch a second old is not lost");
        receiver.sweep(System.nanoTime() + BodyReceiver.LOST_DISPATCH_NANOS + TimeUnit.SECONDS.toNanos(1));
        assertEquals("{\"code\":503,\"message\":\"" + RequestGate.BUSY + "\",\"data\":[]}", call.answer());
        assertTrue(call.completed);

        call.dispatcherType = DispatcherType.ASYNC; // the lost dispatch runs after all: NEVER would throw
        receiver.doFilter(call.request, call.response, NEVER);
        receiver.sweep(System.nanoTime() + BodyReceiver.LOST_DISPATCH_NANOS * 2);
        assertEquals("{\"code\":503,\"message\":\"" + RequestGate.BUSY + "\",\"data\":[]}", call.answer(),
                "answered once");
    }

    /**
     * One connection as the container hands it to the filter: a login head with 100,000 bytes
     * declared and none of them there yet; or, given a body, a head whose body is there just
     * after it (not yet when the filter asks what is available).
     */
    private static final class Call {
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final HttpServletRequest request;
        final HttpServletResponse response;
        ReadListener listener;
        boolean completed;
        boolean dispatched;
        DispatcherType dispatcherType = DispatcherType.REQUEST;
        private final byte[] body;
        private int read;

        Call(String address) {
            this(address, null);
        }

        Call(String address, String form) {
            body = form == null ? null : form.getBytes(StandardCharsets.US_ASCII);
            ServletInputStream input = new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return body != null && read == body.length;
                }

                @Override
                public boolean isReady() {
                    return body != null;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (read == body.length) {
                        return -1;
                    }
                    int n = Math.min(length, body.length - read);
                    System.arraycopy(body, read, buffer, offset, n);
                    read += n;
                    return n;
                }

                @Override
                public void setReadListener(ReadListener readListener) {
                    listener = readListener;
                }

                @Override
                public int available() {
                    return 0;
                }

                @Override
                public int read() {
                    throw new IllegalStateException("not ready");
                }
            };
            ServletOutputStream output = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener writeListener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    written.write(b);
                }
            };
            response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getOutputStream" -> output;
                        case "setStatus", "setContentType", "setContentLength", "flushBuffer" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setTimeout", "addListener" -> null;
                        case "getResponse" -> response;
                        case "dispatch" -> {
                            dispatched = true;
                            yield null;
                        }
                        case "complete" -> {
                            completed = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "getDispatcherType" -> dispatcherType;
                        case "getServletPath" -> "/mobile_api";
                        case "getRequestURI" -> "/mobile_api/login";
                        case "getContentLengthLong" -> body == null ? 100_000L : (long) body.length;
                        case "getContentType" -> "application/x-www-form-urlencoded";
                        case "getHeader" -> null;
                        case "getRemoteAddr" -> address;
                        case "getInputStream" -> input;
                        case "startAsync" -> async;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** The answer written, or null. */
        String answer() {
            return written.size() == 0 ? null : written.toString(StandardCharsets.UTF_8);
        }
    }
}
