package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientCausedLogsTest {

    @Test
    void aClosedClientConnectionIsOneLineAndAnythingElseIsLogged() {
        ClientCausedLogs.Quiet filter = new ClientCausedLogs.Quiet(ClientCausedLogs::clientGone, null);
        // what Jersey logs on Payara when the client closed the connection before the answer went out
        LogRecord gone = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        gone.setThrown(new UncheckedIOException(new IOException("Connection is closed")));
        assertFalse(filter.isLoggable(gone));
        assertNotNull(ClientCausedLogs.clientGone(new IOException("Broken pipe")));

        LogRecord failure = new LogRecord(Level.SEVERE, "boom");
        failure.setThrown(new IllegalStateException("a real failure", new IOException("disk full")));
        assertTrue(filter.isLoggable(failure));
        assertTrue(filter.isLoggable(new LogRecord(Level.INFO, "no exception")));
        assertFalse(new ClientCausedLogs.Quiet(ClientCausedLogs::clientGone, record -> false)
                .isLoggable(new LogRecord(Level.INFO, "x")), "the filter that was there before still decides the rest");
        assertNull(ClientCausedLogs.clientGone(null));
    }

    @Test
    void grizzlysFailureOnAPathEndingInDotsIsOneLine() {
        ClientCausedLogs.Quiet filter = new ClientCausedLogs.Quiet(ClientCausedLogs::pathDotSegments, null);
        // what Payara logs for GET /mobile_api/profile/.. (AS-WEB-CORE-00037), its top frames
        ArrayIndexOutOfBoundsException grizzly = new ArrayIndexOutOfBoundsException("Index 22 out of bounds for length 22");
        grizzly.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.HttpRequestURIDecoder", "normalizeBytes",
                    "HttpRequestURIDecoder.java", 499),
            new StackTraceElement("org.apache.catalina.connector.CoyoteAdapter", "postParseRequest", "CoyoteAdapter.java", 426)});
        LogRecord dots = new LogRecord(Level.SEVERE, "AS-WEB-CORE-00037");
        dots.setThrown(grizzly);
        assertFalse(filter.isLoggable(dots));

        LogRecord ours = new LogRecord(Level.SEVERE, "AS-WEB-CORE-00037");
        ours.setThrown(new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3"));
        assertTrue(filter.isLoggable(ours), "an index error of anything else is a failure, logged whole");
    }
}
