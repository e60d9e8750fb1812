package org.mhconnect.gateway.problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * TRACE is answered 405 with problem details before anything else, and never routed on to a service (where it
 * would echo the request's headers, the relayed token among them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefuseTrace implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.TRACE.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        return ProblemDetailsErrorHandler.write(exchange, HttpStatus.METHOD_NOT_ALLOWED);
    }
}
