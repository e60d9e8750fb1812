package org.mhconnect.problems;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.mhconnect.operations.Outages;
import org.slf4j.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.PropertyBindingException;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem details every MVC service shares. A service's own {@code @RestControllerAdvice} extends this
 * and adds its domain's problems. Field errors are listed by name, and the rejected values are never
 * echoed back, because they may be someone's private words.
 */
public abstract class StandardProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StandardProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields need another look",
                "The request has fields that are missing or not valid.");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some parameters need another look",
                "The request has parameters that are not valid.");
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", error instanceof FieldError field ? field.getField()
                                : String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser's message can quote the body; say what is wrong without repeating it.
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request body could not be read",
                "The body must be well-formed JSON with only the documented fields.");
        String field = fieldOf(ex.getCause());
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "does not have the expected type or form")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The documented field a value was refused for ({@code schedule.times[0]}), or null. An unknown field's name is
     * the sender's, so it is not repeated; nor is any name that is not a plain identifier.
     */
    static String fieldOf(Throwable cause) {
        if (!(cause instanceof DatabindException databind) || cause instanceof PropertyBindingException
                || databind.getPath().isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!reference.getPropertyName().matches("[A-Za-z][A-Za-z0-9]{0,40}")) {
                    return null;
                }
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own detail repeats the value; name the parameter only.
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "a parameter";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some parameters need another look",
                "'" + name + "' does not have the expected form.");
        problem.setProperty("errors", List.of(Map.of("field", name, "message", "does not have the expected form")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some parameters need another look",
                "The request has parameters that are not valid.");
        problem.setProperty("errors", ex.getConstraintViolations().stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString(), "message", violation.getMessage()))
                .toList());
        return problem;
    }

    /**
     * MongoDB could not be reached, or did not answer in time: nothing was changed, and the client may try again.
     * 503 with {@code Retry-After}, never a 500.
     */
    protected static ResponseEntity<Object> storageAway() {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "We could not reach our storage just now. Please try again in a moment; nothing you saved is lost.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds())).body(problem);
    }

    /**
     * Anything no other handler took (a database that is away excepted, {@link #storageAway()}): a 500 without details. The log has the stack; the answer says nothing of it.
     * Spring Security's exceptions go on to its own filters, which answer 401 and 403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex.getClass().getName().startsWith("org.springframework.security.")) {
            throw ex;
        }
        if (Outages.storageAway(ex)) {
            log.warn("Answered 503: the database is away ({})", ex.getClass().getSimpleName());
            return storageAway();
        }
        log.error("Unexpected failure answering {}", request.getDescription(false), ex);
        return createResponseEntity(null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Spring's own problems (unknown path, 405, 406, 415, missing parameter, …) keep their status, get the wording
     * of {@link StatusProblems}, and are always {@code application/problem+json}. Their default details can quote
     * what was sent (a media type, a path), so they are not passed on.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        ProblemDetail problem = StatusProblems.forStatus(statusCode);
        if (body instanceof ProblemDetail spring && spring.getProperties() != null) {
            spring.getProperties().forEach(problem::setProperty);
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, statusCode);
    }

    /** A problem with a human title and detail; the type stays {@code about:blank} as RFC 9457 allows. */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
