package org.mhconnect.problems.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * TRACE is answered 405 with problem details before anything else runs, whatever the path and whoever asks
 * (the servlet default would echo the request's headers back, cookies and tokens included).
 */
public class RefuseTraceFilter extends OncePerRequestFilter {

    static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOWED);
            ProblemErrorController.write(response, 405, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
