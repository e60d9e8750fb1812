package org.mhconnect.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

/** The shared gauges: present at 0 from the start, then what the last background sample found. */
class OutboxGaugesTest {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final Sampler sampler = new Sampler(Duration.ofHours(1));

    @Test
    void anOutboxReadsZeroUntilSampledThenItsBacklogAndTheAgeOfItsOldestRecord() {
        AtomicReference<OutboxGauges.Backlog> outbox = new AtomicReference<>(new OutboxGauges.Backlog(0, null));
        OutboxGauges.register(registry, sampler, "journal", outbox::get);

        assertThat(backlog()).isZero();
        assertThat(oldestAge()).isZero();

        outbox.set(new OutboxGauges.Backlog(3, Instant.now().minusSeconds(90)));
        assertThat(backlog()).as("nothing is read on a scrape").isZero();
        sampler.sampleNow();

        assertThat(backlog()).isEqualTo(3);
        assertThat(oldestAge()).isBetween(89.0, 95.0);
    }

    @Test
    void aFailingSampleKeepsTheLastValue() {
        AtomicReference<OutboxGauges.Backlog> outbox = new AtomicReference<>(new OutboxGauges.Backlog(2, Instant.now()));
        OutboxGauges.register(registry, sampler, "journal", () -> {
            OutboxGauges.Backlog found = outbox.get();
            if (found == null) {
                throw new IllegalStateException("MongoDB is away");
            }
            return found;
        });
        sampler.sampleNow();
        outbox.set(null);

        sampler.sampleNow();

        assertThat(backlog()).isEqualTo(2);
    }

    @Test
    void readinessIsOneWhileAcceptingTrafficAndZeroOtherwise() {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        new ReadinessGauge(availability).bindTo(registry);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(registry.get("mhc.readiness").gauge().value()).isEqualTo(1);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(registry.get("mhc.readiness").gauge().value()).isZero();
    }

    private double backlog() {
        return registry.get("mhc.outbox.backlog").tag("outbox", "journal").gauge().value();
    }

    private double oldestAge() {
        return registry.get("mhc.outbox.oldest.age").tag("outbox", "journal").gauge().value();
    }
}
