package org.mhconnect.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code mhc.outbox.backlog} and {@code mhc.outbox.oldest.age} for one outbox: how many records are staged and not
 * yet published, and how long the oldest has waited (0 when empty). Read by the {@link Sampler}, never on a request:
 * every outbox collection holds only pending records, so counting it and finding its oldest stay small.
 */
public final class OutboxGauges {

    /** What one look at an outbox found: the records waiting, and when the oldest was staged (null when none). */
    public record Backlog(long records, Instant oldestStagedAt) {
    }

    private final AtomicReference<Backlog> last = new AtomicReference<>(new Backlog(0, null));
    private final Clock clock;

    private OutboxGauges(Clock clock) {
        this.clock = clock;
    }

    /** Registers both gauges at 0 under {@code outbox=<name>}, then keeps them sampled. */
    public static OutboxGauges register(MeterRegistry registry, Sampler sampler, String outbox, Supplier<Backlog> look) {
        OutboxGauges gauges = new OutboxGauges(Clock.systemUTC());
        Gauge.builder("mhc.outbox.backlog", gauges, g -> g.last.get().records())
                .description("Records staged in the outbox and not yet published").tag("outbox", outbox)
                .strongReference(true).register(registry);
        Gauge.builder("mhc.outbox.oldest.age", gauges, OutboxGauges::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox record has waited; 0 when empty")
                .tag("outbox", outbox).strongReference(true).register(registry);
        sampler.every("outbox " + outbox, () -> gauges.last.set(look.get()));
        return gauges;
    }

    private double oldestAgeSeconds() {
        Instant oldest = last.get().oldestStagedAt();
        if (oldest == null) {
            return 0;
        }
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
