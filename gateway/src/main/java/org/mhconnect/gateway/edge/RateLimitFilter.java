package org.mhconnect.gateway.edge;

import java.net.InetSocketAddress;
import java.util.Set;

import org.mhconnect.gateway.GatewayProperties;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits at the edge, counted per client address and, for a request with a valid access token, per person
 * as well: a strict limit for sign-in, sign-up and refresh, and a generous one for everything else. Over either
 * limit the answer is 429 with {@code Retry-After}. The person is known only from a token whose signature checks
 * out, so nobody can spend someone else's allowance by naming them in a forged token. The buckets live where
 * {@link RateBuckets} keeps them: in memory, or in Redis.
 */
@Component
@Order(-200)
class RateLimitFilter implements WebFilter {

    static final Set<String> SIGN_IN_PATHS = Set.of("/api/auth/login", "/api/auth/signup", "/api/auth/refresh");

    private final RateBuckets buckets;
    private final GatewayProperties.RateLimits limits;
    private final ReactiveJwtDecoder tokens;

    RateLimitFilter(RateBuckets buckets, GatewayProperties properties, ReactiveJwtDecoder tokens) {
        this.buckets = buckets;
        this.limits = properties.rateLimits();
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        boolean signIn = SIGN_IN_PATHS.contains(path);
        int perMinute = signIn ? limits.signInPerMinute() : limits.apiPerMinute();
        String scope = signIn ? "sign-in:" : "api:";
        return buckets.take(scope + "address:" + clientAddress(exchange), perMinute)
                .flatMap(byAddress -> byAddress.allowed()
                        ? person(exchange).flatMap(subject -> buckets.take(scope + "person:" + subject, perMinute))
                                .defaultIfEmpty(RateBuckets.Verdict.ALLOWED)
                        : Mono.just(byAddress))
                .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                        : EdgeProblems.tooManyRequests(exchange, verdict.retryAfter()));
    }

    /** The verified subject of the request's access token; empty without one, or when it does not check out. */
    private Mono<String> person(ServerWebExchange exchange) {
        return EdgeSecurity.bearerOrCookie(exchange)
                .flatMap(token -> tokens.decode(token).map(jwt -> jwt.getSubject()).onErrorResume(ex -> Mono.empty()));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
