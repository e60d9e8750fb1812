package org.mhconnect.reminder.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.events.reminder.ReminderDue;
import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the engine. Each partition's reminders live in two state stores, backed by changelog topics:
 * {@value #ENTRIES} (reminder id → schedule and next occurrence) and {@value #DUE_INDEX}, ordered by the time the
 * next occurrence is handled (key {@code <fireAt epoch millis, 13 digits>|<reminder id>}). A wall-clock punctuation
 * reads the index up to now, emits one {@code reminder.due} per occurrence, with the deterministic id reminder id
 * plus scheduled instant, and plans the next. Nothing polls a database; a partition's work moves with it to another
 * instance, which resumes from the changelog. Occurrences are handled at or after their time, never before.
 */
final class SchedulingProcessor implements Processor<String, ScheduleRecord, String, ReminderDue> {

    private static final Logger log = LoggerFactory.getLogger(SchedulingProcessor.class);

    static final String ENTRIES = "reminder-entries";
    static final String DUE_INDEX = "reminder-due-index";
    private static final String INDEX_FROM = "0000000000000|";

    private final Duration tick;
    private final int maxPerTick;
    private final EngineMetrics metrics;
    private final EventTracing tracing;
    private ProcessorContext<String, ReminderDue> context;
    private KeyValueStore<String, EngineEntry> entries;
    private KeyValueStore<String, String> dueIndex;

    SchedulingProcessor(Duration tick, int maxPerTick, EngineMetrics metrics, EventTracing tracing) {
        this.tick = tick;
        this.maxPerTick = maxPerTick;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, ReminderDue> context) {
        this.context = context;
        this.entries = context.getStateStore(ENTRIES);
        this.dueIndex = context.getStateStore(DUE_INDEX);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    /** A reminder was made, changed or removed (a tombstone). */
    @Override
    public void process(Record<String, ScheduleRecord> record) {
        String reminderId = reminderId(record.key());
        if (reminderId == null) {
            log.warn("A schedule record without a reminder id in its key was ignored");
            return;
        }
        Instant now = now();
        EngineEntry old = entries.get(reminderId);
        if (old != null && old.fireAt() != null && !old.fireAt().isAfter(now)) {
            // Its time came before this change arrived: it is handled first, as the punctuation would have.
            fire(reminderId, old, now);
            old = entries.get(reminderId);
        }
        if (old != null) {
            unindex(reminderId, old);
        }
        if (record.value() == null) {
            entries.delete(reminderId);
            return;
        }
        Instant last = old == null ? null : old.lastScheduled();
        // Planned from the moment the change was made (the record's timestamp), not from when it is read: a record
        // that waited (a rebalance, a restart, a relay) must not lose the occurrences that came due meanwhile. They
        // are handled at once, and the grace period decides between sent and missed. Never from further back than
        // the grace period, and never from the future of a clock that runs ahead.
        Instant changedAt = Instant.ofEpochMilli(record.timestamp());
        Instant floor = now.minus(java.time.Duration.ofMinutes(record.value() == null ? 0 : record.value().graceMinutes()));
        Instant after = changedAt.isAfter(now) ? now : changedAt.isBefore(floor) ? floor : changedAt;
        if (last != null && last.isAfter(after)) {
            after = last;
        }
        if (old != null && old.next() != null && old.next().isBefore(after)) {
            // Its time has passed, but it waits for quiet hours to end: it is planned again, not dropped.
            after = old.next().minusNanos(1);
        }
        EngineEntry entry = safePlan(reminderId, record.value(), after, last);
        entries.put(reminderId, entry);
        index(reminderId, entry);
        log.debug("Reminder {} planned: next {} (handled at {})", reminderId, entry.next(), entry.fireAt());
    }

    /** Handles every occurrence whose time has come, earliest first, up to {@code maxPerTick} per punctuation. */
    void fireDue(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = dueIndex.range(INDEX_FROM, indexKey(now, "~"))) {
            while (range.hasNext() && due.size() < maxPerTick) {
                due.add(range.next());
            }
        }
        for (KeyValue<String, String> item : due) {
            dueIndex.delete(item.key);
            EngineEntry entry = entries.get(item.value);
            if (entry == null || entry.fireAt() == null || !item.key.equals(indexKey(entry.fireAt(), item.value))) {
                continue; // Changed or removed since it was indexed.
            }
            fire(item.value, entry, now);
        }
    }

    private void fire(String reminderId, EngineEntry entry, Instant now) {
        ScheduleRecord schedule = entry.schedule();
        ReminderDue.Outcome outcome = Planner.outcome(entry, now);
        String occurrenceId = ReminderDue.occurrenceId(reminderId, entry.next());
        ReminderDue due = new ReminderDue(ReminderDue.eventIdOf(occurrenceId), now, schedule.userId(), occurrenceId,
                reminderId, schedule.kind(), entry.next(), entry.fireAt(),
                entry.next().atZone(ZoneId.of(schedule.timeZone())).toLocalDate(), schedule.timeZone(), outcome);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(due, "reminder-service").forEach(headers::add);
        // Each firing is the root of its own trace (a schedule lives for months; its creation is another story), and
        // the due event carries it on to the dispatcher and every channel's delivery.
        tracing.run(null, "reminder fire", () -> {
            tracing.addTo(headers);
            log.debug("Emitted {} for {}", outcome, occurrenceId);
        });
        context.forward(new Record<>(schedule.userId(), due, now.toEpochMilli(), headers));
        metrics.emitted(outcome, Duration.between(entry.fireAt(), now));

        EngineEntry next = safePlan(reminderId, schedule, entry.next(), entry.next());
        entries.put(reminderId, next);
        index(reminderId, next);
    }

    /**
     * A schedule that can no longer be read (a rule a newer build refuses, a zone the time-zone database dropped) must
     * not stop the engine for everyone: the reminder is kept without a next occurrence, and the log says which.
     */
    private static EngineEntry safePlan(String reminderId, ScheduleRecord schedule, Instant after, Instant last) {
        try {
            return Planner.plan(schedule, after, last);
        }
        catch (RuntimeException ex) {
            log.warn("Reminder {} has a schedule the engine cannot read ({}); it will not fire until it is changed",
                    reminderId, ex.getClass().getSimpleName());
            return new EngineEntry(schedule, null, null, false, last);
        }
    }

    private void index(String reminderId, EngineEntry entry) {
        if (entry.fireAt() != null) {
            dueIndex.put(indexKey(entry.fireAt(), reminderId), reminderId);
        }
    }

    private void unindex(String reminderId, EngineEntry entry) {
        if (entry.fireAt() != null) {
            dueIndex.delete(indexKey(entry.fireAt(), reminderId));
        }
    }

    static String indexKey(Instant fireAt, String reminderId) {
        return String.format("%013d|%s", Math.max(0, fireAt.toEpochMilli()), reminderId);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private static String reminderId(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        return slash < 0 || slash == key.length() - 1 ? null : key.substring(slash + 1);
    }
}
