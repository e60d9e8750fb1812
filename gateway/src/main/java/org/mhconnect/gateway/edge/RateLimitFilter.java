package org.mhconnect.gateway.edge;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.mhconnect.gateway.GatewayProperties;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j, in memory), counted per client address and, for a request with a valid access token,
 * per person as well: a strict bucket for sign-in, sign-up and refresh, and a generous one for everything else.
 * Over either limit the answer is 429 with {@code Retry-After}. The person is known only from a token whose
 * signature checks out, so nobody can spend someone else's allowance by naming them in a forged token.
 *
 * <p>The buckets live in this process, which suits the embedded default and a single gateway. Several gateway
 * instances would each count on their own; a shared store (Redis) is the step for that.
 */
@Component
@Order(-200)
class RateLimitFilter implements WebFilter {

    static final Set<String> SIGN_IN_PATHS = Set.of("/api/auth/login", "/api/auth/signup", "/api/auth/refresh");
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayProperties.RateLimits limits;
    private final ReactiveJwtDecoder tokens;

    RateLimitFilter(GatewayProperties properties, ReactiveJwtDecoder tokens) {
        this.limits = properties.rateLimits();
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            // A flood of distinct addresses must not exhaust memory; starting the count afresh is the lesser harm.
            buckets.clear();
        }
        boolean signIn = SIGN_IN_PATHS.contains(path);
        int perMinute = signIn ? limits.signInPerMinute() : limits.apiPerMinute();
        String scope = signIn ? "sign-in:" : "api:";
        ConsumptionProbe byAddress = take(scope + "address:" + clientAddress(exchange), perMinute);
        if (!byAddress.isConsumed()) {
            return EdgeProblems.tooManyRequests(exchange, Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        return person(exchange)
                .map(subject -> take(scope + "person:" + subject, perMinute))
                .filter(probe -> !probe.isConsumed())
                .flatMap(probe -> EdgeProblems.tooManyRequests(exchange, Duration.ofNanos(probe.getNanosToWaitForRefill())))
                .switchIfEmpty(chain.filter(exchange));
    }

    private ConsumptionProbe take(String key, int perMinute) {
        return buckets.computeIfAbsent(key, ignored -> newBucket(perMinute)).tryConsumeAndReturnRemaining(1);
    }

    /** The verified subject of the request's access token; empty without one, or when it does not check out. */
    private Mono<String> person(ServerWebExchange exchange) {
        return EdgeSecurity.bearerOrCookie(exchange)
                .flatMap(token -> tokens.decode(token).map(jwt -> jwt.getSubject()).onErrorResume(ex -> Mono.empty()));
    }

    private static Bucket newBucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
