package org.twittner.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A phone that goes away while its answer is being written is not a server failure: Jersey
 * (Payara) logs each such answer as SEVERE with two stack traces, about 10 KB, so that clients
 * closing connections could fill the disk. This filter on Jersey's responder logger turns those
 * records into one short line and lets every other record through. (A client that goes away
 * while sending is handled by {@link BodyReceiver}.) Installed while the application is
 * deployed, and removed with it, since the logger belongs to the server.
 */
@WebListener
public class ClientGoneLog implements ServletContextListener {

    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";
    private static final Logger LOG = Logger.getLogger(ClientGoneLog.class.getName());

    // Payara deploys the WAR on the operations listener too: installed once, removed by the last
    private static int deployments;
    private static Logger responder;
    private static Filter previous;
    private static Filter installed;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (ClientGoneLog.class) {
            if (deployments++ == 0) {
                responder = Logger.getLogger(JERSEY_RESPONDER);
                previous = responder.getFilter();
                installed = new Quiet(previous);
                responder.setFilter(installed);
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (ClientGoneLog.class) {
            if (--deployments == 0 && responder.getFilter() == installed) {
                responder.setFilter(previous);
            }
        }
    }

    /** Drops a record caused by a closed client connection, with one line in its place. */
    static final class Quiet implements Filter {

        private final Filter next;

        Quiet(Filter next) {
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            Throwable gone = clientGone(record.getThrown());
            if (gone != null) {
                LOG.log(Level.INFO, "answer not delivered, the client closed the connection: {0}",
                        gone.getClass().getSimpleName());
                return false;
            }
            return next == null || next.isLoggable(record);
        }
    }

    /** The cause that says the client's connection is gone, or null (a few causes deep at most). */
    static Throwable clientGone(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("ClosedChannelException") || name.equals("EofException") || name.equals("ClientAbortException")) {
                return cause;
            }
            if (cause instanceof IOException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("connection is closed") || message.contains("broken pipe")
                        || message.contains("connection reset")) {
                    return cause;
                }
            }
        }
        return null;
    }
}
