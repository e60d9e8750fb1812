package org.mhconnect.gateway.edge;

import java.util.List;

import org.mhconnect.gateway.identity.web.TokenCookies;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every request routed to a service: the browser's access-token cookie becomes an {@code Authorization}
 * header, cookies themselves stay at the edge, and identity headers a client made up are removed. Services
 * trust only the token, which they verify.
 */
@Component
class TokenRelayFilter implements GlobalFilter, Ordered {

    /** Headers some proxies use to name a user; none of them may come from outside. */
    static final List<String> CLIENT_IDENTITY_HEADERS = List.of("X-User-Id", "X-User", "X-User-Roles",
            "X-Forwarded-User", "X-Auth-Request-User", "X-Remote-User", "Remote-User");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpCookie access = exchange.getRequest().getCookies().getFirst(TokenCookies.ACCESS);
        ServerHttpRequest relayed = exchange.getRequest().mutate().headers(headers -> {
            CLIENT_IDENTITY_HEADERS.forEach(headers::remove);
            if (!headers.containsHeader(HttpHeaders.AUTHORIZATION) && access != null && !access.getValue().isBlank()) {
                headers.setBearerAuth(access.getValue());
            }
            headers.remove(HttpHeaders.COOKIE);
        }).build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
