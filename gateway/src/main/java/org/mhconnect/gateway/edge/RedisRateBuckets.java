package org.mhconnect.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis through Spring Cloud Gateway's {@link RedisRateLimiter} (its token-bucket Lua script), so
 * that several gateway instances count together. A limit of N per minute is a bucket of 60·N tokens refilled at
 * N tokens a second, with each request costing 60: N requests at once, then one every 60/N seconds.
 */
@Component
@ConditionalOnProperty(name = "mhc.gateway.rate-limits.store", havingValue = "redis")
class RedisRateBuckets implements RateBuckets {

    private static final int TOKENS_PER_REQUEST = 60;

    private final ApplicationContext context;
    private final Map<Integer, RedisRateLimiter> limiters = new ConcurrentHashMap<>();

    RedisRateBuckets(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Mono<Verdict> take(String key, int perMinute) {
        return limiter(perMinute).isAllowed("mhc-" + perMinute + "-per-minute", key)
                .map(response -> response.isAllowed() ? Verdict.ALLOWED
                        : new Verdict(false, Duration.ofSeconds(Math.max(1, 60 / perMinute))));
    }

    private RedisRateLimiter limiter(int perMinute) {
        return limiters.computeIfAbsent(perMinute, rate -> {
            RedisRateLimiter limiter = new RedisRateLimiter(rate, (long) rate * TOKENS_PER_REQUEST, TOKENS_PER_REQUEST);
            // Gives the limiter the Redis template and script that Spring Cloud Gateway's auto-configuration made.
            limiter.setApplicationContext(context);
            return limiter;
        });
    }
}
