package org.mhconnect.reminder.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mhconnect.events.reminder.ReminderDue;

/**
 * The engine's meters, each registered at start. Every occurrence whose time came counts in {@code mhc.reminders.due};
 * then exactly one of {@code mhc.reminders.fired} (released for delivery), {@code mhc.reminders.missed} (later than its
 * grace period) or {@code mhc.reminders.skipped{reason}} ({@code paused}, {@code quiet-hours}, {@code skip-next}).
 * {@code mhc.reminders.emission.lateness}: from an occurrence's due time to its emission on {@code reminder.due}.
 */
public final class EngineMetrics {

    /** The skip reasons, the engine's and the dispatcher's: a small fixed set. */
    public static final java.util.List<String> SKIP_REASONS = java.util.List.of("paused", "quiet-hours", "skip-next",
            "already-journaled");

    private final Counter due;
    private final Map<ReminderDue.Outcome, Counter> byOutcome = new EnumMap<>(ReminderDue.Outcome.class);
    private final Timer lateness;

    public EngineMetrics(MeterRegistry registry) {
        this.due = Counter.builder("mhc.reminders.due").description("Occurrences whose time came").register(registry);
        byOutcome.put(ReminderDue.Outcome.DUE, Counter.builder("mhc.reminders.fired")
                .description("Occurrences released for delivery").register(registry));
        byOutcome.put(ReminderDue.Outcome.MISSED, Counter.builder("mhc.reminders.missed")
                .description("Occurrences later than their grace period, not sent").register(registry));
        SKIP_REASONS.forEach(reason -> skipped(registry, reason));
        byOutcome.put(ReminderDue.Outcome.SKIPPED_PAUSED, skipped(registry, "paused"));
        byOutcome.put(ReminderDue.Outcome.SKIPPED_QUIET_HOURS, skipped(registry, "quiet-hours"));
        byOutcome.put(ReminderDue.Outcome.SKIPPED_NEXT, skipped(registry, "skip-next"));
        this.lateness = Timer.builder("mhc.reminders.emission.lateness")
                .description("From an occurrence's due time to its reminder.due")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1)).register(registry);
    }

    /** {@code mhc.reminders.skipped} with one of {@link #SKIP_REASONS}. */
    public static Counter skipped(MeterRegistry registry, String reason) {
        return Counter.builder("mhc.reminders.skipped").tag("reason", reason)
                .description("Occurrences not sent, by reason").register(registry);
    }

    void emitted(ReminderDue.Outcome outcome, Duration late) {
        due.increment();
        byOutcome.get(outcome).increment();
        if (outcome == ReminderDue.Outcome.DUE) {
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
    }
}
