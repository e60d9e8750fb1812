package org.mhconnect.gateway.edge;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Where rate-limit buckets live: in this process, or in Redis so that every gateway instance shares them. */
interface RateBuckets {

    /** Takes one request from the bucket named {@code key}, which holds {@code perMinute} and refills at that rate. */
    Mono<Verdict> take(String key, int perMinute);

    /** Whether the request may go on, and if not, when to try again. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
    }
}
