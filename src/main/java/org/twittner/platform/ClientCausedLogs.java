package org.twittner.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a client causes is not a server failure, and must not let clients fill the disk: the
 * server's own loggers write these records with stack traces, and this listener's filters turn
 * each into one short line, letting every other record through.
 * <ul>
 * <li>A phone that goes away while its answer is being written: Jersey (Payara) logs SEVERE
 * with two stack traces, about 10 KB. (A client that goes away while sending is handled by
 * {@link BodyReceiver}.)
 * <li>A path that ends in "/.." or "/.": Payara's HTTP layer (Grizzly's
 * {@code HttpRequestURIDecoder}) writes one byte past its buffer and logs the
 * {@code ArrayIndexOutOfBoundsException} as SEVERE, about 3 KB, before the application sees
 * the request (its answer, an empty 200, cannot be changed from here: docs/operations.md).
 * </ul>
 * Installed while the application is deployed, and removed with it, since the loggers belong
 * to the server.
 */
@WebListener
public class ClientCausedLogs implements ServletContextListener {

    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";
    /** Where Payara logs a failure in the container, by the application's context (web) or before it (kernel). */
    static final List<String> CONTAINER = List.of("jakarta.enterprise.web.core", "javax.enterprise.system.core");
    private static final Logger LOG = Logger.getLogger(ClientCausedLogs.class.getName());

    private record Installed(Logger logger, Filter previous, Filter filter) {
    }

    // Payara deploys the WAR on the operations listener too: installed once, removed by the last
    private static int deployments;
    private static final List<Installed> INSTALLED = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (ClientCausedLogs.class) {
            if (deployments++ == 0) {
                install(JERSEY_RESPONDER, ClientCausedLogs::clientGone);
                CONTAINER.forEach(name -> install(name, ClientCausedLogs::pathDotSegments));
            }
        }
    }

    private static void install(String loggerName, Function<Throwable, String> clientCaused) {
        Logger logger = Logger.getLogger(loggerName);
        Filter previous = logger.getFilter();
        Filter filter = new Quiet(clientCaused, previous);
        logger.setFilter(filter);
        INSTALLED.add(new Installed(logger, previous, filter));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (ClientCausedLogs.class) {
            if (--deployments == 0) {
                for (Installed installed : INSTALLED) {
                    if (installed.logger().getFilter() == installed.filter()) {
                        installed.logger().setFilter(installed.previous());
                    }
                }
                INSTALLED.clear();
            }
        }
    }

    /** Drops a record whose exception a client caused, with one line in its place. */
    static final class Quiet implements Filter {

        private final Function<Throwable, String> clientCaused;
        private final Filter next;

        Quiet(Function<Throwable, String> clientCaused, Filter next) {
            this.clientCaused = clientCaused;
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String line = record.getThrown() == null ? null : clientCaused.apply(record.getThrown());
            if (line != null) {
                LOG.info(line);
                return false;
            }
            return next == null || next.isLoggable(record);
        }
    }

    /** The line for an exception that says the client's connection is gone, or null (a few causes deep at most). */
    static String clientGone(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            boolean gone = name.equals("ClosedChannelException") || name.equals("EofException")
                    || name.equals("ClientAbortException");
            if (!gone && cause instanceof IOException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                gone = message.contains("connection is closed") || message.contains("broken pipe")
                        || message.contains("connection reset");
            }
            if (gone) {
                return "answer not delivered, the client closed the connection: " + name;
            }
        }
        return null;
    }

    /**
     * The line for Grizzly's failure on a request path with a dot segment at its end, or null.
     * (Should HotSpot start throwing that exception preallocated, without frames, after many
     * such requests, they are logged as Payara writes them: one short SEVERE line each.)
     */
    static String pathDotSegments(Throwable thrown) {
        if (thrown instanceof ArrayIndexOutOfBoundsException) {
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (frame.getClassName().endsWith(".HttpRequestURIDecoder")) {
                    return "request refused: its path ends in a dot segment (\"/..\" or \"/.\")";
                }
            }
        }
        return null;
    }
}
