package org.twittner.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place a JAX-RS request's {@link ApiException} becomes an envelope. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response.ResponseBuilder answer = Response.ok(exception.toEnvelope());
        if (exception instanceof TooManyAttempts limited) {
            answer.header("Retry-After", limited.retryAfterSeconds());
        }
        return answer.build();
    }
}
