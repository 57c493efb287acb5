package org.twittner.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A request body received in full before the request is handled: in memory for forms, in a
 * temporary file for uploads. Handing it on as a request wrapper lets the endpoint read it as
 * if from the connection, without a thread ever waiting on a slow client.
 */
final class ReceivedBody implements AutoCloseable {

    /** Where a body that outgrows memory goes: a new temporary file. */
    @FunctionalInterface
    interface FileMaker {
        Path newFile() throws IOException;
    }

    private byte[] bytes = new byte[0];
    private int length;
    private Path file;
    private OutputStream fileOut;
    /** Null, or where the body goes once it passes {@link #inMemoryUpTo} bytes. */
    private final FileMaker spill;
    private final int inMemoryUpTo;

    private ReceivedBody(Path file, OutputStream fileOut, FileMaker spill, int inMemoryUpTo) {
        this.file = file;
        this.fileOut = fileOut;
        this.spill = spill;
        this.inMemoryUpTo = inMemoryUpTo;
    }

    static ReceivedBody inMemory() {
        return new ReceivedBody(null, null, null, 0);
    }

    static ReceivedBody inFile(Path file) throws IOException {
        return new ReceivedBody(file, Files.newOutputStream(file), null, 0);
    }

    /** In memory up to {@code inMemoryUpTo} bytes, then all of it in a file made only then. */
    static ReceivedBody spilling(int inMemoryUpTo, FileMaker files) {
        return new ReceivedBody(null, null, files, inMemoryUpTo);
    }

    void append(byte[] buffer, int count) throws IOException {
        if (fileOut == null && spill != null && length + count > inMemoryUpTo) {
            file = spill.newFile();
            fileOut = Files.newOutputStream(file);
            fileOut.write(bytes, 0, length);
            bytes = null;
        }
        if (fileOut != null) {
            fileOut.write(buffer, 0, count);
        } else {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + count, Math.max(8192, bytes.length * 2)));
            }
            System.arraycopy(buffer, 0, bytes, length, count);
        }
        length += count;
    }

    /** Bytes received so far. */
    long length() {
        return length;
    }

    /** Called once the last byte is in. */
    void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes, 0, length);
    }

    /** The request as the endpoint sees it: the same headers, this body. */
    HttpServletRequest asRequest(HttpServletRequest request) throws IOException {
        InputStream in = open();
        ServletInputStream stream = new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int n = in.read(buffer, offset, count);
                finished = n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was received already; read it blocking");
            }
        };
        long size = length;
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return stream;
            }

            @Override
            public long getContentLengthLong() {
                return size;
            }

            @Override
            public int getContentLength() {
                return size > Integer.MAX_VALUE ? -1 : (int) size;
            }
        };
    }

    @Override
    public void close() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the instance's temporary folder is swept after a restart
        }
        bytes = null;
    }
}
