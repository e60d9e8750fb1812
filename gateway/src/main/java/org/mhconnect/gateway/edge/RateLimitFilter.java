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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets per client address (Bucket4j, in memory): a strict one for sign-in, sign-up and refresh, and a
 * generous one for everything else. Over the limit the answer is 429 with {@code Retry-After}.
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

    RateLimitFilter(GatewayProperties properties) {
        this.limits = properties.rateLimits();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        boolean signIn = SIGN_IN_PATHS.contains(path);
        String key = (signIn ? "sign-in:" : "api:") + clientAddress(exchange);
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            // A flood of distinct addresses must not exhaust memory; starting the count afresh is the lesser harm.
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> newBucket(signIn ? limits.signInPerMinute() : limits.apiPerMinute()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return EdgeProblems.tooManyRequests(exchange, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        return chain.filter(exchange);
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
