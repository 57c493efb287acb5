package org.twittner.platform;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own failures. A path that matches no endpoint answers the reference's
 * {@code invalid_endpoint} body; anything else keeps its status as the envelope code.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof NotFoundException) {
            return Response.ok(Envelope.invalidEndpoint()).build();
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return Response.ok(Envelope.error(status.getStatusCode(), status.getReasonPhrase())).build();
    }
}
