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

    /**
     * Reads one answer: up to its Content-Length, to the last chunk of a chunked body (RESTEasy
     * sends JAX-RS answers chunked on a kept-alive connection), or to the end of the connection.
     */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    for (String line : text.substring(0, headEnd).split("\r\n")) {
                        String lower = line.toLowerCase();
                        if (lower.startsWith("content-length:")) {
                            contentLength = Long.parseLong(line.substring(15).strip());
                        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                    }
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
                break;
            }
            if (headEnd >= 0 && chunked && (text.length() == headEnd + 9 && text.endsWith("\r\n\r\n0\r\n\r\n")
                    || text.length() > headEnd + 4 && text.endsWith("\r\n0\r\n\r\n"))) {
                break;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, text, "");
        }
        String body = text.substring(end + 4);
        return new Response(Integer.parseInt(text.substring(9, 12)), text.substring(0, end),
                chunked ? dechunked(body) : body);
    }

    /** The data of a chunked body (sizes in hex, each chunk followed by CRLF, a zero chunk last). */
    private static String dechunked(String chunks) {
        StringBuilder data = new StringBuilder();
        byte[] bytes = chunks.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOfCrLf(bytes, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            data.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
        return data.toString();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
