package org.twittner.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads the parameters of every JAX-RS call before Jersey sees the request. Jersey peeks at an
 * urlencoded body to see whether it is empty; when the body arrives in a later TCP segment than
 * the headers (the JDK's HttpClient and OkHttp send it so), that peek swallows its first byte
 * and with it the first parameter. Reading the body here, first, avoids the peek's damage.
 * (The upload servlets stream their own bodies and are not filtered.)
 */
@WebFilter(servletNames = "org.twittner.platform.MobileApi", asyncSupported = true)
public class RequestParamsFilter implements Filter {

    static final String ATTRIBUTE = RequestParams.class.getName();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            RequestParams.read((HttpServletRequest) request).attachTo((HttpServletRequest) request);
        } catch (ApiException unreadable) {
            WireJson.send(unreadable.toEnvelope(), (HttpServletResponse) response);
            return;
        }
        chain.doFilter(request, response);
    }
}
