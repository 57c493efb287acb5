/**
 * Platform: what every component stands on. The JAX-RS application and the wire rules (the
 * {@code {code, message, data}} envelope, any HTTP method, unknown endpoints), the request
 * context ({@link org.twittner.platform.ApiRequest}: parameters with typed readers, keyset
 * {@link org.twittner.platform.Page}s, the client address behind trusted proxies, the caller
 * through {@link org.twittner.platform.CallerLookup}), the {@link org.twittner.platform.Clock},
 * configuration, the data source and schema migrations.
 *
 * <p>Endpoints: none of its own; it answers unknown endpoints (contract: ../shared/api/README.md).
 * <p>May depend on: nothing of the application.
 */
package org.twittner.platform;
