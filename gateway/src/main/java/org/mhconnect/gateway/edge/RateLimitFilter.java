package org.mhconnect.gateway.edge;

import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.Sha256;
import org.mhconnect.gateway.operations.GatewayMeters;
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
 * {@link RateBuckets} keeps them: in memory, or in Redis. {@code /actuator/**} counts in the API bucket as well, so
 * health checks cannot be called without limit. The client address is the peer's, or behind trusted proxies the one
 * they forwarded ({@link ClientAddress}).
 */
@Component
@Order(-200)
class RateLimitFilter implements WebFilter {

    /** Sign-in, sign-up, refresh, and the mailed links: password reset and address confirmation. */
    static final Set<String> SIGN_IN_PATHS = Set.of("/api/auth/login", "/api/auth/signup", "/api/auth/refresh",
            "/api/auth/password-reset", "/api/auth/password-reset/confirm", "/api/auth/verify-email");

    private final RateBuckets buckets;
    private final GatewayProperties.RateLimits limits;
    private final ReactiveJwtDecoder tokens;
    private final ClientAddress clients;
    /**
     * Subjects of tokens whose signature was checked in the last minute, by the token's SHA-256. Verifying an
     * ES256 signature on every request halved the gateway's throughput in bench/gateway-overhead.sh; a client
     * sends the same token for many requests. Only the bucket key comes from here: services verify every token.
     */
    private final Cache<String, String> verifiedSubjects = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    private final GatewayMeters meters;

    RateLimitFilter(RateBuckets buckets, GatewayProperties properties, ReactiveJwtDecoder tokens, GatewayMeters meters) {
        this.meters = meters;
        this.buckets = buckets;
        this.limits = properties.rateLimits();
        this.tokens = tokens;
        this.clients = new ClientAddress(properties.trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = EdgePaths.routed(exchange);
        if (!path.startsWith("/api/") && !EdgePaths.within(path, "/actuator")) {
            return chain.filter(exchange);
        }
        boolean signIn = SIGN_IN_PATHS.contains(path);
        int perMinute = signIn ? limits.signInPerMinute() : limits.apiPerMinute();
        String scope = signIn ? "sign-in:" : "api:";
        return buckets.take(scope + "address:" + clients.of(exchange), perMinute)
                .flatMap(byAddress -> byAddress.allowed()
                        ? person(exchange).flatMap(subject -> buckets.take(scope + "person:" + subject, perMinute))
                                .defaultIfEmpty(RateBuckets.Verdict.ALLOWED)
                        : Mono.just(byAddress))
                .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange) : refuse(exchange, signIn, verdict));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, boolean signIn, RateBuckets.Verdict verdict) {
        meters.refused(signIn ? GatewayMeters.Limit.SIGN_IN : GatewayMeters.Limit.API);
        return EdgeProblems.tooManyRequests(exchange, verdict.retryAfter());
    }

    /** The verified subject of the request's access token; empty without one, or when it does not check out. */
    private Mono<String> person(ServerWebExchange exchange) {
        return EdgeSecurity.bearerOrCookie(exchange).flatMap(token -> {
            String key = Sha256.hex(token);
            String known = verifiedSubjects.getIfPresent(key);
            if (known != null) {
                return Mono.just(known);
            }
            return tokens.decode(token)
                    .map(jwt -> {
                        verifiedSubjects.put(key, jwt.getSubject());
                        return jwt.getSubject();
                    })
                    .onErrorResume(ex -> Mono.empty());
        });
    }
}
