package org.mhconnect.reminder.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.engine.EngineMetrics;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's meters, each registered at start for every channel ({@code inbox}, {@code email},
 * {@code webhook}): {@code mhc.deliveries{channel,outcome}} with outcome {@code sent}, {@code retried} (an attempt
 * that will be tried again), {@code failed} (refused for good) or {@code dead} (given up after every attempt);
 * {@code mhc.reminders.lateness{channel}}: from an occurrence's due time to its delivery, a histogram with SLO
 * buckets at 0.1, 0.25, 0.5, 1, 2 and 5 s; and {@code mhc.reminders.skipped{reason=already-journaled}}.
 */
@Component
class DeliveryMetrics {

    static final List<String> OUTCOMES = List.of("sent", "retried", "failed", "dead");

    private final Map<String, Counter> deliveries = new HashMap<>();
    private final Map<String, Timer> lateness = new HashMap<>();
    private final Counter alreadyJournaled;

    DeliveryMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            String name = channel.wireName();
            OUTCOMES.forEach(outcome -> deliveries.put(name + "/" + outcome, Counter.builder("mhc.deliveries")
                    .tag("channel", name).tag("outcome", outcome).description("Delivery attempts by channel and outcome")
                    .register(registry)));
            lateness.put(name, Timer.builder("mhc.reminders.lateness").tag("channel", name)
                    .description("From an occurrence's due time to its delivery on a channel")
                    .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1)).register(registry));
        }
        this.alreadyJournaled = EngineMetrics.skipped(registry, "already-journaled");
    }

    void alreadyJournaled() {
        alreadyJournaled.increment();
    }

    void delivered(String channel, Duration late) {
        deliveries.get(channel + "/sent").increment();
        lateness.get(channel).record(late.isNegative() ? Duration.ZERO : late);
    }

    void retried(String channel) {
        deliveries.get(channel + "/retried").increment();
    }

    /** Refused for good ({@code failed}), or given up after the last attempt ({@code dead}). */
    void failed(String channel, boolean afterEveryAttempt) {
        deliveries.get(channel + (afterEveryAttempt ? "/dead" : "/failed")).increment();
    }
}
