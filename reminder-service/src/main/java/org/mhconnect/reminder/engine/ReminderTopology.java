package org.mhconnect.reminder.engine;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.mhconnect.events.Topics;
import org.mhconnect.events.reminder.ReminderDue;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.kafkaevents.EventTracing;

/**
 * {@code mhc.reminders.schedules} (compacted) → {@link SchedulingProcessor} with its two persistent stores →
 * {@code mhc.reminders.due}, keyed by user id and written as events any service can read.
 */
public final class ReminderTopology {

    private ReminderTopology() {
    }

    /** Every firing starts a trace of its own that its {@code reminder.due} event carries on ({@code tracing}). */
    public static void build(StreamsBuilder builder, Duration tick, int maxPerTick, EngineMetrics metrics, EventTracing tracing) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SchedulingProcessor.ENTRIES),
                Serdes.String(), JsonSerde.of(EngineEntry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SchedulingProcessor.DUE_INDEX),
                Serdes.String(), Serdes.String()));
        builder.stream(Topics.REMINDER_SCHEDULES, Consumed.with(Serdes.String(), JsonSerde.of(ScheduleRecord.class)))
                .process(() -> new SchedulingProcessor(tick, maxPerTick, metrics, tracing), SchedulingProcessor.ENTRIES,
                        SchedulingProcessor.DUE_INDEX)
                .to(Topics.REMINDERS_DUE, Produced.with(Serdes.String(),
                        Serdes.serdeFrom(EventSerialization.<ReminderDue>serializer(), JsonSerde.of(ReminderDue.class).deserializer())));
    }
}
