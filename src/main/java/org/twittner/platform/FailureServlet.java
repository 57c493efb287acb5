package org.twittner.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for failures that escape everything else (web.xml sends uncaught exceptions
 * here): the envelope with code 500 instead of the container's HTML page, which would name
 * exception classes.
 */
@WebServlet(FailureServlet.PATH)
public class FailureServlet extends HttpServlet {

    static final String PATH = "/failure";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failure != null) {
            response.setHeader(Failures.REQUEST_ID_HEADER,
                    Failures.log(request.getMethod(), String.valueOf(uri), failure));
        }
        WireJson.send(Failures.envelope(), response);
    }
}
