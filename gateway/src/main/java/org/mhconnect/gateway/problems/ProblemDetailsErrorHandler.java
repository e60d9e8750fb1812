package org.mhconnect.gateway.problems;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.mhconnect.operations.Outages;
import org.mhconnect.problems.StatusProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself answers (an unknown route, a body it cannot accept, a failure on the way
 * to a service) becomes RFC 9457 problem details. Runs before Spring Boot's default handler.
 */
@Component
@Order(-2)
class ProblemDetailsErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final JsonMapper json;

    ProblemDetailsErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = toProblem(failure);
        problem.setInstance(StatusProblems.instance(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds()));
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    static ProblemDetail toProblem(Throwable failure) {
        if (failure instanceof ResponseStatusException status) {
            return forStatus(status.getStatusCode());
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        }
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return forStatus(HttpStatus.GATEWAY_TIMEOUT);
        }
        if (Outages.storageAway(failure)) {
            log.warn("Answered 503: the database is away ({})", failure.getClass().getSimpleName());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "We could not reach our storage just now. Please try again in a moment; nothing you saved is lost.");
            problem.setTitle("Temporarily unavailable");
            return problem;
        }
        log.error("Unexpected failure at the gateway", failure);
        return forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ProblemDetail forStatus(HttpStatusCode code) {
        return StatusProblems.forStatus(code);
    }

    /**
     * Writes the problem of a bare status, for the places that answer before any handler runs (TRACE, the
     * firewall); the body is {@link StatusProblems#json}, so nothing of the request is repeated.
     */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = StatusProblems.json(status.value(), exchange.getRequest().getPath().value())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
