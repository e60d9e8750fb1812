package org.mhconnect.gateway.edge;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response the gateway sends, whether it answered itself or relayed a service: a
 * Content Security Policy without inline script, no framing, no MIME sniffing, a careful referrer, and HSTS when
 * the request came over TLS. Personal answers get {@code Cache-Control: no-store}.
 */
@Component
@Order(-300)
class SecurityHeadersFilter implements WebFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String NO_STORE = "no-store";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean tls = exchange.getRequest().getSslInfo() != null;
        String path = EdgePaths.routed(exchange);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", EdgeSecurity.CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            // Personal answers never rest in a browser's or a proxy's cache. Public library answers keep the
            // caching rules content-service gives them.
            if (EdgePaths.alwaysPersonal(path)
                    || path.startsWith("/api/") && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
