package org.twittner.platform;

import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application behind {@code /mobile_api/*}. It is mapped in web.xml rather than with
 * {@code @ApplicationPath} because the servlet needs a multipart config: the Flutter app sends
 * every POST as multipart/form-data. Resources and providers are discovered by scanning.
 */
public class MobileApi extends Application {
}
