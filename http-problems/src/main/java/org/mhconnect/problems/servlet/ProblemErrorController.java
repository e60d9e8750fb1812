package org.mhconnect.problems.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mhconnect.problems.StatusProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what no controller answered: a {@code sendError} from a filter
 * (Spring Security's firewall rejecting {@code %00}, {@code %2F} or {@code ..}), an exception that escaped every
 * handler, a status set without a body. It answers problem details instead of Spring Boot's default error JSON or
 * page, for any method and whatever the request accepts, and says nothing about the failure.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        // Called directly, /error is just an address with nothing at it.
        int status = code instanceof Integer value && value >= 400 ? value : failure != null ? 500 : 404;
        if (failure != null && status >= 500) {
            log.error("Unexpected failure answering {} {}", request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        write(response, status, path != null ? path.toString() : request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, String path) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = StatusProblems.json(status, path).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
