package org.mhconnect.gateway.edge;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/** Problem-details answers written by the edge itself: 401, 403, 413 and 429. */
final class EdgeProblems {

    // Absent members (type, properties) are left out, as RFC 9457 and Spring's own problem responses do.
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "Please sign in",
                    "This needs a valid access token. Sign in again if yours has expired.");
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN, "Not allowed", "Your account cannot do this.");
    }

    static Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Please slow down",
                "There have been many requests in a short time. Please try again in " + seconds + " seconds.");
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Too large",
                "The request body is larger than the " + limit / 1024 + " KiB this address accepts.");
    }

    static Mono<Void> csrfMissing(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.FORBIDDEN, "Please reload the page",
                "This change needs the page's security token. Reloading the page usually fixes it.");
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // These answers can come before Spring Security's header writer has run.
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    private EdgeProblems() {
    }
}
