package org.twittner.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * The reference router ignores the HTTP method: clients call read endpoints with GET and write
 * endpoints with POST, and some call everything with POST. Resources therefore declare only
 * {@code @POST}, and this filter routes every other method to them.
 */
@Provider
@PreMatching
public class AnyMethodIsPost implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            request.setMethod(HttpMethod.POST);
        }
    }
}
