package org.mhconnect.gateway.routing;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request that its service could not answer: 504 when the service
 * was too slow, 503 when it could not be reached or its circuit is open. Never a hang.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableFallback {

    static final Map<String, String> AREAS = Map.of(
            "content", "The library",
            "journal", "The journal",
            "reminders", "Reminders");

    @Bean
    RouterFunction<ServerResponse> fallbackRoutes() {
        return RouterFunctions.route()
                .path("/fallback", builder -> builder.route(request -> true, ServiceUnavailableFallback::answer))
                .build();
    }

    static Mono<ServerResponse> answer(ServerRequest request) {
        String area = request.path().replaceFirst("^/fallback/?", "");
        String name = AREAS.getOrDefault(area, "This part of Mental Health Connect");
        Throwable failure = request.attribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
                .map(Throwable.class::cast)
                .orElse(null);
        boolean slow = failure instanceof TimeoutException || failure != null && failure.getCause() instanceof TimeoutException;
        HttpStatus status = slow ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, slow
                ? name + " took too long to answer. Please try again in a moment."
                : name + " is not available right now. Please try again in a moment; nothing you saved is lost.");
        problem.setTitle(slow ? "Taking too long" : "Temporarily unavailable");
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!slow) {
            response.header("Retry-After", "5");
        }
        return response.bodyValue(problem);
    }
}
