package org.mhconnect.resourceserver;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details. The 401 carries the plain {@code WWW-Authenticate: Bearer} that
 * clients expect; neither header nor body says which check failed, so probing learns nothing.
 */
final class ProblemResponses {

    // Absent members (type, properties) are left out, as RFC 9457 and Spring's own problem responses do.
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            // Deliberately without error_description: which check failed is nobody's business but the logs'.
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, "Please sign in",
                    "This needs a valid access token. Sign in again if yours has expired.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                "Your account cannot do this.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }


    private ProblemResponses() {
    }
}
