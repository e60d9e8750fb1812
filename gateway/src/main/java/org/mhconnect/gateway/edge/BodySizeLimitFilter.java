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
 * legitimate body, a journal entry of 20,000 characters, fits well within the default 256 KB. The one exception is
 * the journal import, a whole exported journal, which has its own limit ({@code mhc.gateway.max-import-size}).
 */
@Component
@Order(-190)
class BodySizeLimitFilter implements WebFilter {

    static final String IMPORT_PATH = "/api/journal/import";

    private final long limit;
    private final long importLimit;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
        this.importLimit = properties.maxImportSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        long allowed = IMPORT_PATH.equals(exchange.getRequest().getPath().value()) ? importLimit : limit;
        if (length > allowed) {
            return EdgeProblems.tooLarge(exchange, allowed);
        }
        return chain.filter(exchange);
    }
}
