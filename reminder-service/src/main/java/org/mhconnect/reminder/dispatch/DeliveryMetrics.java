package org.mhconnect.reminder.dispatch;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's meters: {@code reminders.occurrences} with outcome {@code skipped} or {@code missed} as recorded,
 * {@code reminders.deliveries} by channel and outcome ({@code sent}, {@code failed}), and
 * {@code reminders.lateness} with {@code stage=delivered}: from the time an occurrence was due to its arrival.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer lateness;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("reminders.lateness").tag("stage", "delivered")
                .description("From an occurrence's due time to its delivery on a channel")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    void occurrence(String outcome) {
        Counter.builder("reminders.occurrences").tag("outcome", outcome).register(registry).increment();
    }

    void delivered(String channel, Duration late) {
        Counter.builder("reminders.deliveries").tag("channel", channel).tag("outcome", "sent").register(registry).increment();
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    void failed(String channel) {
        Counter.builder("reminders.deliveries").tag("channel", channel).tag("outcome", "failed").register(registry).increment();
    }
}
