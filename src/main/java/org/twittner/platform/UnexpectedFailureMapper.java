package org.twittner.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything not foreseen: code 500 in the envelope, details only in the server log. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        String requestId = Failures.log(request.getMethod(), request.getRequestURI(), failure);
        return Response.ok(Failures.envelope()).header(Failures.REQUEST_ID_HEADER, requestId).build();
    }
}
