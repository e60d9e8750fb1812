package org.mhconnect.gateway.edge;

import org.mhconnect.gateway.GatewayProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code mhc.gateway.max-body-size} with 413 before anything reads it. The largest
 * legitimate body, a journal entry of 20,000 characters, fits well within the default 256 KB.
 */
@Component
@Order(-190)
class BodySizeLimitFilter implements WebFilter {

    private final long limit;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit) {
            return EdgeProblems.tooLarge(exchange, limit);
        }
        return chain.filter(exchange);
    }
}
