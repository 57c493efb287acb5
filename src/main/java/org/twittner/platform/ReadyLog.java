package org.twittner.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;

/**
 * Logs one line when the application is deployed and its schema is migrated: "Twittner ready at
 * http://host:8080/". Before it the port may answer 404 for a while; a person starting the
 * server waits for this line. The port comes from Payara Micro when it is the server; elsewhere
 * the configured public URL is shown.
 */
@WebListener
public class ReadyLog implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ReadyLog.class.getName());

    @Inject
    TwittnerConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String virtualServer = event.getServletContext().getVirtualServerName();
        if (virtualServer != null && virtualServer.contains("ops")) {
            return; // Payara deploys the WAR on the operations listener too: say it once
        }
        LOG.info(() -> "Twittner ready at " + payaraMicroUrl().orElse(config.publicUrl() + "/")
                + " (public URL " + config.publicUrl() + ")");
    }

    /** http://localhost:PORT/ from Payara Micro's runtime, read reflectively (no compile-time tie). */
    private static java.util.Optional<String> payaraMicroUrl() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object runtime = micro.getMethod("getRuntime").invoke(micro.getMethod("getInstance").invoke(null));
            Object descriptor = runtime.getClass().getMethod("getLocalDescriptor").invoke(runtime);
            Method ports = descriptor.getClass().getMethod("getHttpPorts");
            List<?> httpPorts = (List<?>) ports.invoke(descriptor);
            return httpPorts.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of("http://localhost:" + httpPorts.get(0) + "/");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notPayaraMicro) {
            return java.util.Optional.empty();
        }
    }
}
