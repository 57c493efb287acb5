package org.twittner.platform;

import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application behind {@code /mobile_api/*}. It is mapped in web.xml rather than with
 * {@code @ApplicationPath} because the servlet must support async requests
 * ({@link BodyReceiver} receives bodies before it). Resources and providers are discovered by scanning.
 */
public class MobileApi extends Application {
}
