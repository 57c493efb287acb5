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

class ClientGoneLogTest {

    @Test
    void aClosedClientConnectionIsOneLineAndAnythingElseIsLogged() {
        ClientGoneLog.Quiet filter = new ClientGoneLog.Quiet(null);
        // what Jersey logs on Payara when the client closed the connection before the answer went out
        LogRecord gone = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        gone.setThrown(new UncheckedIOException(new IOException("Connection is closed")));
        assertFalse(filter.isLoggable(gone));
        assertNotNull(ClientGoneLog.clientGone(new IOException("Broken pipe")));

        LogRecord failure = new LogRecord(Level.SEVERE, "boom");
        failure.setThrown(new IllegalStateException("a real failure", new IOException("disk full")));
        assertTrue(filter.isLoggable(failure));
        assertTrue(filter.isLoggable(new LogRecord(Level.INFO, "no exception")));
        assertFalse(new ClientGoneLog.Quiet(record -> false).isLoggable(new LogRecord(Level.INFO, "x")),
                "the filter that was there before still decides the rest");
        assertNull(ClientGoneLog.clientGone(null));
    }
}
