package org.twittner.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client library refuses to send: bodies
 * shorter than declared, odd methods with bodies, malformed headers, a chosen source address.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response: status code and body (headers dropped). */
    public record Response(int status, String headers, String body) {
    }

    /** Sends head + body, half-closes, reads the whole answer (the server closes or sends Content-Length). */
    public static Response exchange(URI root, String sourceAddress, String head, byte[] body, int timeoutMillis)
            throws IOException {
        return exchange(root, sourceAddress, head, body, timeoutMillis, true);
    }

    /** As above; without the half-close, a client that stops sending but waits for the answer. */
    public static Response exchange(URI root, String sourceAddress, String head, byte[] body, int timeoutMillis,
            boolean halfClose) throws IOException {
        try (Socket socket = open(root, sourceAddress, timeoutMillis)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return read(socket.getInputStream());
        }
    }

    /** A connection to the server, from {@code sourceAddress} (any 127.x.y.z on Linux) when given. */
    public static Socket open(URI root, String sourceAddress, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        if (sourceAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        }
        socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    for (String line : text.substring(0, headEnd).split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            contentLength = Long.parseLong(line.substring(15).strip());
                        }
                    }
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, text, "");
        }
        return new Response(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4));
    }
}
