package org.mhconnect.reminder.engine;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mhconnect.events.reminder.ReminderDue;

/**
 * The engine's Micrometer meters: {@code reminders.occurrences} by outcome (due, missed, skipped-…) as emitted, and
 * {@code reminders.lateness} with {@code stage=emitted}: from the time an occurrence was due to its emission.
 */
public final class EngineMetrics {

    private final MeterRegistry registry;
    private final Timer lateness;

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateness = Timer.builder("reminders.lateness").tag("stage", "emitted")
                .description("From an occurrence's due time to its reminder.due")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    void emitted(ReminderDue.Outcome outcome, Duration late) {
        Counter.builder("reminders.occurrences").tag("outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
        if (outcome == ReminderDue.Outcome.DUE) {
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
    }
}
