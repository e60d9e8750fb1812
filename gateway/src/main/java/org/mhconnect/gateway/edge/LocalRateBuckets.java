package org.mhconnect.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Buckets in this process (Bucket4j): right for the embedded default and a single gateway. */
@Component
@ConditionalOnProperty(name = "mhc.gateway.rate-limits.store", havingValue = "memory", matchIfMissing = true)
class LocalRateBuckets implements RateBuckets {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Mono<Verdict> take(String key, int perMinute) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            // A flood of distinct addresses must not exhaust memory; starting the count afresh is the lesser harm.
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key + "/" + perMinute, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        return Mono.just(probe.isConsumed() ? Verdict.ALLOWED
                : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }
}
