package org.mhconnect.reminder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.DUE;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.MISSED;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_NEXT;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_PAUSED;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_QUIET_HOURS;
import static org.mhconnect.reminder.engine.ScheduleRecords.BERLIN;
import static org.mhconnect.reminder.engine.ScheduleRecords.dailyAt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.events.Topics;
import org.mhconnect.events.reminder.ReminderDue;

/**
 * The schedule engine as a whole, on Kafka Streams' {@link TopologyTestDriver}: schedules go in on
 * {@value Topics#REMINDER_SCHEDULES}, {@code reminder.due} events come out on {@value Topics#REMINDERS_DUE}, and the
 * wall clock is moved by hand. The engine ticks every 200 ms. Europe/Berlin is UTC+1 in winter, UTC+2 in summer.
 */
class ReminderEngineTest {

    private static final Duration TICK = Duration.ofMillis(200);
    private static final io.opentelemetry.api.trace.Tracer OTEL = io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
            .build().get("reminder-engine-test");
    private static final EventTracing TRACING = new EventTracing(
            new io.micrometer.tracing.otel.bridge.OtelTracer(OTEL, new io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext(),
                    event -> {
                    }),
            new io.micrometer.tracing.otel.bridge.OtelPropagator(io.opentelemetry.context.propagation.ContextPropagators.create(
                    io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance()), OTEL));
    private static final ZoneId ZONE = ZoneId.of(BERLIN);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ScheduleRecord> schedules;
    private TestOutputTopic<String, ReminderDue> due;
    private SimpleMeterRegistry meters;
    private Instant now;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aDailyNinePmReminderInBerlinFiresAtExactlyEightPmUtcInWinterAndAgainTheNextDay() {
        startAt("2026-12-01T12:00:00Z");
        ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening");
        send(reminder);

        assertThat(jumpTo("2026-12-01T19:59:59.800Z")).as("nothing before its time").isEmpty();
        List<TestRecord<String, ReminderDue>> first = runTo("2026-12-01T20:00:00Z");

        assertThat(first).hasSize(1);
        String occurrenceId = "r-evening@2026-12-01T20:00:00Z";
        assertThat(first.getFirst().key()).isEqualTo("user-1");
        ReminderDue event = first.getFirst().value();
        assertThat(event.outcome()).isEqualTo(DUE);
        assertThat(event.occurrenceId()).isEqualTo(occurrenceId)
                .isEqualTo(ReminderDue.occurrenceId("r-evening", Instant.parse("2026-12-01T20:00:00Z")));
        assertThat(event.eventId()).isEqualTo(ReminderDue.eventIdOf(occurrenceId));
        assertThat(event.userId()).isEqualTo("user-1");
        assertThat(event.reminderId()).isEqualTo("r-evening");
        assertThat(event.kind()).isEqualTo("journal");
        assertThat(event.scheduledAt()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(event.fireAt()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(event.occurredAt()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(event.localDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(event.timeZone()).isEqualTo(BERLIN);
        assertThat(first.getFirst().timestamp()).isEqualTo(Instant.parse("2026-12-01T20:00:00Z").toEpochMilli());

        assertThat(jumpTo("2026-12-02T19:59:59.800Z")).isEmpty();
        assertThat(runTo("2026-12-02T20:00:01Z")).singleElement().satisfies(next -> {
            assertThat(next.key()).isEqualTo("user-1");
            assertThat(next.value().occurrenceId()).isEqualTo("r-evening@2026-12-02T20:00:00Z");
            assertThat(next.value().localDate()).isEqualTo(LocalDate.parse("2026-12-02"));
            assertThat(next.value().outcome()).isEqualTo(DUE);
        });
    }

    @Test
    void outputRecordsCarryTheCloudEventsHeadersOfReminderDue() {
        startAt("2026-12-01T12:00:00Z");
        send(dailyAt("21:00").id("user-1", "r-evening"));

        TestRecord<String, ReminderDue> record = jumpTo("2026-12-01T20:00:00Z").getFirst();

        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("reminder.due");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(record.value().eventId().toString());
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("reminder-service");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-12-01T20:00:00Z");
    }

    @Test
    void everyFiringStartsATraceOfItsOwnThatItsDueEventCarries() {
        startAt("2026-12-01T12:00:00Z");
        send(dailyAt("21:00").id("user-1", "r-evening"));

        String first = header(jumpTo("2026-12-01T20:00:00Z").getFirst(), EventTracing.HEADER);
        String second = header(jumpTo("2026-12-02T20:00:00Z").getFirst(), EventTracing.HEADER);

        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(first.substring(3, 35)).isNotEqualTo(second.substring(3, 35));
    }

    @Nested
    class NeverEarlyAcrossDaylightSaving {

        private final ScheduleRecords halfPastTwo = dailyAt("02:30").id("user-1", "r-night").startingAt("2027-01-01T02:30");

        @Test
        void onTheSpringForwardNightHalfPastTwoFiresAtHalfPastThreeLocal() {
            startAt("2027-03-27T12:00:00Z");
            send(halfPastTwo);

            assertThat(jumpTo("2027-03-28T00:29:59.800Z")).isEmpty();
            assertThat(runTo("2027-03-28T00:31:00Z")).as("01:30 CET, an hour before the clocks move").isEmpty();
            assertThat(jumpTo("2027-03-28T01:29:59.800Z")).isEmpty();
            List<TestRecord<String, ReminderDue>> fired = runTo("2027-03-28T01:30:01Z");

            assertThat(fired).singleElement().satisfies(record -> {
                assertThat(record.value().scheduledAt()).isEqualTo("2027-03-28T01:30:00Z");
                assertThat(record.value().scheduledAt().atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
                assertThat(record.value().fireAt()).isEqualTo("2027-03-28T01:30:00Z");
                assertThat(record.value().localDate()).isEqualTo(LocalDate.parse("2027-03-28"));
                assertThat(record.value().outcome()).isEqualTo(DUE);
                assertThat(record.value().occurredAt()).isAfterOrEqualTo(record.value().scheduledAt());
            });
            assertThat(jumpTo("2027-03-29T00:29:59.800Z")).isEmpty();
            assertThat(runTo("2027-03-29T00:30:01Z")).singleElement()
                    .satisfies(record -> assertThat(record.value().scheduledAt())
                            .as("02:30 CEST").isEqualTo("2027-03-29T00:30:00Z"));
        }

        @Test
        void onTheFallBackNightHalfPastTwoFiresOnceAtTheEarlierInstant() {
            startAt("2027-10-30T12:00:00Z");
            send(halfPastTwo);

            assertThat(jumpTo("2027-10-31T00:29:59.800Z")).isEmpty();
            List<TestRecord<String, ReminderDue>> fired = runTo("2027-10-31T00:30:01Z");
            assertThat(fired).singleElement().satisfies(record -> {
                assertThat(record.value().scheduledAt()).isEqualTo("2027-10-31T00:30:00Z");
                assertThat(record.value().scheduledAt().atZone(ZONE).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
                assertThat(record.value().localDate()).isEqualTo(LocalDate.parse("2027-10-31"));
            });

            assertThat(jumpTo("2027-10-31T01:29:59Z")).isEmpty();
            assertThat(runTo("2027-10-31T01:31:00Z")).as("the second 02:30, in CET, is not another occurrence").isEmpty();
            assertThat(jumpTo("2027-11-01T01:29:59.800Z")).isEmpty();
            assertThat(runTo("2027-11-01T01:30:01Z")).singleElement()
                    .satisfies(record -> assertThat(record.value().scheduledAt())
                            .as("02:30 CET").isEqualTo("2027-11-01T01:30:00Z"));
        }
    }

    @Nested
    class ChangesToASchedule {

        @Test
        void aTombstoneRemovesTheReminderSoNothingMoreIsEmitted() {
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening");
            send(reminder);
            assertThat(jumpTo("2026-12-01T20:00:00Z")).hasSize(1);

            remove(reminder);

            assertThat(jumpTo("2026-12-02T20:00:00Z")).isEmpty();
            assertThat(runTo("2026-12-02T20:00:02Z")).isEmpty();
            assertThat(jumpTo("2026-12-03T20:30:00Z")).isEmpty();
        }

        @Test
        void aChangeThatReachesTheEngineLateStillFiresWhatCameDueMeanwhileAtOnce() {
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening")
                    .snoozedTo(Instant.parse("2026-12-01T12:00:10Z"));
            // Made at 12:00:00, but read 30 s later (a rebalance, a restart): the snooze at 12:00:10 is not lost.
            jumpTo("2026-12-01T12:00:30Z");
            schedules.pipeInput(reminder.key(), reminder.record(), Instant.parse("2026-12-01T12:00:00Z"));

            List<TestRecord<String, ReminderDue>> fired = runTo("2026-12-01T12:00:31Z");

            assertThat(fired).extracting(record -> record.value().occurrenceId() + " " + record.value().outcome())
                    .containsExactly("r-evening@2026-12-01T12:00:10Z DUE");
        }

        @Test
        void aReminderRemovedBeforeItEverFiredNeverFires() {
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening");
            send(reminder);
            remove(reminder);

            assertThat(jumpTo("2026-12-01T20:00:00Z")).isEmpty();
            assertThat(jumpTo("2026-12-02T20:00:00Z")).isEmpty();
        }

        @Test
        void anUpdateReplacesTheScheduleSoTheOldTimeNoLongerFires() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening"));
            send(dailyAt("22:00").id("user-1", "r-evening").version(2));

            assertThat(jumpTo("2026-12-01T19:59:59Z")).isEmpty();
            assertThat(runTo("2026-12-01T20:00:02Z")).as("the old 21:00").isEmpty();
            assertThat(jumpTo("2026-12-01T20:59:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-01T21:00:01Z")).singleElement().satisfies(record -> {
                assertThat(record.value().occurrenceId()).isEqualTo("r-evening@2026-12-01T21:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
        }

        @Test
        void aChangeThatArrivesAfterAnOccurrencesTimeButBeforeTheTickLetsThatOccurrenceOutFirst() {
            // Ticks at .100, .300, ... so that a record can arrive between an occurrence's time and the next tick.
            startAt("2026-12-01T12:00:00.100Z");
            send(dailyAt("21:00").id("user-1", "r-evening"));
            assertThat(jumpTo("2026-12-01T19:59:59.900Z")).isEmpty();
            assertThat(jumpTo("2026-12-01T20:00:00.050Z")).as("no tick yet").isEmpty();

            send(dailyAt("22:00").id("user-1", "r-evening").version(2));

            assertThat(due.readRecordsToList()).singleElement().satisfies(record -> {
                assertThat(record.value().occurrenceId()).isEqualTo("r-evening@2026-12-01T20:00:00Z");
                assertThat(record.value().occurredAt()).isEqualTo("2026-12-01T20:00:00.050Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
            assertThat(runTo("2026-12-01T20:00:02Z")).isEmpty();
            assertThat(jumpTo("2026-12-01T21:00:00.100Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-evening@2026-12-01T21:00:00Z");
        }

        @Test
        void aRecordWhoseKeyNamesNoReminderIsIgnored() {
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening");
            schedules.pipeInput("user-1", reminder.record(), now);
            schedules.pipeInput("user-1/", reminder.record(), now);

            assertThat(jumpTo("2026-12-01T20:00:00Z")).isEmpty();

            send(reminder);
            assertThat(jumpTo("2026-12-02T20:00:00Z")).hasSize(1);
        }
    }

    @Nested
    class StoppedReminders {

        @Test
        void aStoppedReminderEmitsNothing() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").stopped());

            assertThat(jumpTo("2026-12-01T20:00:00Z")).isEmpty();
            assertThat(runTo("2026-12-01T20:00:02Z")).isEmpty();
            assertThat(jumpTo("2026-12-02T20:00:00Z")).isEmpty();
            assertThat(jumpTo("2026-12-03T20:00:00Z")).isEmpty();
        }

        @Test
        void stoppingARunningReminderSilencesItAndResumingSendsOnlyWhatComesAfterwards() {
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").id("user-1", "r-evening");
            send(reminder);
            assertThat(jumpTo("2026-12-01T20:00:00Z")).hasSize(1);

            send(dailyAt("21:00").id("user-1", "r-evening").stopped().version(2));
            assertThat(jumpTo("2026-12-02T20:00:00Z")).isEmpty();
            assertThat(jumpTo("2026-12-03T12:00:00Z")).isEmpty();

            send(dailyAt("21:00").id("user-1", "r-evening").version(3));
            assertThat(runTo("2026-12-03T12:00:02Z")).as("nothing from while it was stopped").isEmpty();
            assertThat(jumpTo("2026-12-03T20:00:00Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-evening@2026-12-03T20:00:00Z");
        }
    }

    @Nested
    class SnoozeSkipAndPause {

        @Test
        void aSnoozeFiresAsItsOwnOccurrenceBetweenTheRulesOccurrences() {
            startAt("2026-12-01T12:00:00Z");
            Instant snooze = Instant.parse("2026-12-01T15:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").snoozedTo(snooze));

            assertThat(jumpTo("2026-12-01T14:59:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-01T15:00:01Z")).singleElement().satisfies(record -> {
                assertThat(record.value().occurrenceId()).isEqualTo("r-evening@2026-12-01T15:00:00Z");
                assertThat(record.value().eventId()).isEqualTo(ReminderDue.eventIdOf("r-evening@2026-12-01T15:00:00Z"));
                assertThat(record.value().scheduledAt()).isEqualTo(snooze);
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
            assertThat(jumpTo("2026-12-01T20:00:00Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-evening@2026-12-01T20:00:00Z");
        }

        @Test
        void snoozingAfterAnOccurrenceFiredSendsItOnceMoreAtTheSnoozeInstant() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening"));
            assertThat(jumpTo("2026-12-01T20:00:00Z")).hasSize(1);
            assertThat(jumpTo("2026-12-01T20:05:00Z")).isEmpty();

            send(dailyAt("21:00").id("user-1", "r-evening").snoozedTo(Instant.parse("2026-12-01T20:15:00Z")).version(2));

            assertThat(jumpTo("2026-12-01T20:14:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-01T20:15:01Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-evening@2026-12-01T20:15:00Z");
            assertThat(jumpTo("2026-12-02T19:59:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-02T20:00:01Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-evening@2026-12-02T20:00:00Z");
        }

        @Test
        void skipNextMarksTheNextOccurrenceSkippedAndTheOneAfterItDue() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").skipThrough(Instant.parse("2026-12-01T20:00:00Z")));

            assertThat(jumpTo("2026-12-01T20:00:00Z")).singleElement().satisfies(record -> {
                assertThat(record.value().scheduledAt()).isEqualTo("2026-12-01T20:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(SKIPPED_NEXT);
            });
            assertThat(jumpTo("2026-12-02T20:00:00Z")).singleElement().satisfies(record -> {
                assertThat(record.value().scheduledAt()).isEqualTo("2026-12-02T20:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
        }

        @Test
        void whilePausedOccurrencesBeforeTheEndOfThePauseAreSkippedAndLaterOnesAreDue() {
            startAt("2026-12-01T12:00:00Z");
            Instant thirdOfDecemberInBerlin = Instant.parse("2026-12-02T23:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").pausedUntil(thirdOfDecemberInBerlin));

            assertThat(jumpTo("2026-12-01T20:00:00Z")).extracting(record -> record.value().outcome())
                    .containsExactly(SKIPPED_PAUSED);
            assertThat(jumpTo("2026-12-02T20:00:00Z")).extracting(record -> record.value().outcome())
                    .containsExactly(SKIPPED_PAUSED);
            assertThat(jumpTo("2026-12-03T20:00:00Z")).singleElement().satisfies(record -> {
                assertThat(record.value().localDate()).isEqualTo(LocalDate.parse("2026-12-03"));
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
        }
    }

    @Nested
    class QuietHours {

        @Test
        void inDelayModeAnElevenPmReminderReachesThePersonAtSevenTheNextMorning() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("23:00").id("user-1", "r-late").quietHours("22:00", "07:00", "DELAY"));

            assertThat(jumpTo("2026-12-01T22:00:00Z")).as("not at 23:00").isEmpty();
            assertThat(runTo("2026-12-01T22:00:02Z")).isEmpty();
            assertThat(jumpTo("2026-12-02T05:59:59.800Z")).as("not before 07:00").isEmpty();
            List<TestRecord<String, ReminderDue>> fired = runTo("2026-12-02T06:00:01Z");

            assertThat(fired).singleElement().satisfies(record -> {
                ReminderDue event = record.value();
                assertThat(event.outcome()).isEqualTo(DUE);
                assertThat(event.scheduledAt()).isEqualTo("2026-12-01T22:00:00Z");
                assertThat(event.scheduledAt().atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(23, 0));
                assertThat(event.fireAt()).isEqualTo("2026-12-02T06:00:00Z");
                assertThat(event.fireAt().atZone(ZONE).toLocalDateTime()).hasToString("2026-12-02T07:00");
                assertThat(event.occurredAt()).isEqualTo("2026-12-02T06:00:00Z");
                assertThat(event.occurrenceId()).isEqualTo("r-late@2026-12-01T22:00:00Z");
                assertThat(event.localDate()).isEqualTo(LocalDate.parse("2026-12-01"));
            });
            assertThat(jumpTo("2026-12-02T22:00:00Z")).isEmpty();
            assertThat(jumpTo("2026-12-03T06:00:00Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-late@2026-12-02T22:00:00Z");
        }

        @Test
        void inSkipModeAnElevenPmReminderIsRecordedAsSkippedAtElevenPm() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("23:00").id("user-1", "r-late").quietHours("22:00", "07:00", "SKIP"));

            assertThat(jumpTo("2026-12-01T21:59:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-01T22:00:01Z")).singleElement().satisfies(record -> {
                assertThat(record.value().outcome()).isEqualTo(SKIPPED_QUIET_HOURS);
                assertThat(record.value().scheduledAt()).isEqualTo("2026-12-01T22:00:00Z");
                assertThat(record.value().fireAt()).isEqualTo("2026-12-01T22:00:00Z");
            });
            assertThat(jumpTo("2026-12-02T06:00:00Z")).isEmpty();
        }

        @Test
        void aReminderOutsideQuietHoursIsNotDelayed() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").quietHours("22:00", "07:00", "DELAY"));

            assertThat(jumpTo("2026-12-01T20:00:00Z")).singleElement().satisfies(record -> {
                assertThat(record.value().fireAt()).isEqualTo("2026-12-01T20:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
        }

        @Test
        void sendingTheScheduleAgainWhileAnOccurrenceWaitsForTheEndOfQuietHoursKeepsThatOccurrence() {
            // The outbox relay may send a reminder's state again at any time, and a change of preferences sends
            // every reminder again: neither may lose the occurrence that waits for the morning.
            startAt("2026-12-01T12:00:00Z");
            ScheduleRecords reminder = dailyAt("23:00").id("user-1", "r-late").quietHours("22:00", "07:00", "DELAY");
            send(reminder);
            assertThat(jumpTo("2026-12-01T22:30:00Z")).isEmpty();

            send(reminder);

            assertThat(jumpTo("2026-12-02T05:59:59.800Z")).isEmpty();
            assertThat(runTo("2026-12-02T06:00:01Z")).singleElement().satisfies(record -> {
                assertThat(record.value().occurrenceId()).isEqualTo("r-late@2026-12-01T22:00:00Z");
                assertThat(record.value().fireAt()).isEqualTo("2026-12-02T06:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
            assertThat(jumpTo("2026-12-03T06:00:00Z")).extracting(record -> record.value().occurrenceId())
                    .containsExactly("r-late@2026-12-02T22:00:00Z");
        }

        @Test
        void endingQuietHoursWhileAnOccurrenceWaitsSendsItAtOnce() {
            startAt("2026-12-01T12:00:00Z");
            send(dailyAt("23:00").id("user-1", "r-late").quietHours("22:00", "07:00", "DELAY"));
            assertThat(jumpTo("2026-12-01T22:30:00Z")).isEmpty();

            send(dailyAt("23:00").id("user-1", "r-late").version(2));

            assertThat(runTo("2026-12-01T22:30:01Z")).singleElement().satisfies(record -> {
                assertThat(record.value().occurrenceId()).isEqualTo("r-late@2026-12-01T22:00:00Z");
                assertThat(record.value().fireAt()).isEqualTo("2026-12-01T22:00:00Z");
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
            assertThat(jumpTo("2026-12-02T06:00:00Z")).isEmpty();
        }
    }

    @Nested
    class AfterDowntime {

        @Test
        void anOccurrenceMoreThanItsGracePeriodAgoIsRecordedAsMissed() {
            startAt("2026-12-01T19:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").graceMinutes(60));

            List<TestRecord<String, ReminderDue>> fired = jumpTo("2026-12-01T22:00:00Z");

            assertThat(fired).singleElement().satisfies(record -> {
                assertThat(record.value().outcome()).isEqualTo(MISSED);
                assertThat(record.value().scheduledAt()).isEqualTo("2026-12-01T20:00:00Z");
                assertThat(record.value().occurredAt()).isEqualTo("2026-12-01T22:00:00Z");
            });
            assertThat(runTo("2026-12-01T22:00:03Z")).isEmpty();
            assertThat(meters.counter("mhc.reminders.missed").count()).isEqualTo(1);
            assertThat(meters.counter("mhc.reminders.due").count()).isEqualTo(1);
            assertThat(meters.counter("mhc.reminders.fired").count()).isZero();
            assertThat(jumpTo("2026-12-02T20:00:00Z")).extracting(record -> record.value().outcome())
                    .containsExactly(DUE);
        }

        @Test
        void anOccurrenceWithinItsGracePeriodIsStillDueExactlyOnce() {
            startAt("2026-12-01T19:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening").graceMinutes(60));

            List<TestRecord<String, ReminderDue>> fired = new ArrayList<>(jumpTo("2026-12-01T20:30:00Z"));
            fired.addAll(runTo("2026-12-01T20:30:03Z"));

            assertThat(fired).singleElement().satisfies(record -> {
                assertThat(record.value().outcome()).isEqualTo(DUE);
                assertThat(record.value().scheduledAt()).isEqualTo("2026-12-01T20:00:00Z");
                assertThat(record.value().occurredAt()).isEqualTo("2026-12-01T20:30:00Z");
            });
            assertThat(meters.counter("mhc.reminders.fired").count()).isEqualTo(1);
            assertThat(meters.counter("mhc.reminders.due").count()).isEqualTo(1);
            assertThat(meters.timer("mhc.reminders.emission.lateness").totalTime(TimeUnit.MINUTES))
                    .isEqualTo(30.0);
        }

        @Test
        void afterDaysOfDowntimeEachMissedOccurrenceIsRecordedOnceAndTheScheduleCarriesOn() {
            startAt("2026-12-01T19:00:00Z");
            send(dailyAt("21:00").id("user-1", "r-evening"));

            List<TestRecord<String, ReminderDue>> fired = new ArrayList<>(jumpTo("2026-12-04T12:00:00Z"));
            fired.addAll(runTo("2026-12-04T12:00:02Z"));

            assertThat(fired).extracting(record -> record.value().occurrenceId()).containsExactly(
                    "r-evening@2026-12-01T20:00:00Z", "r-evening@2026-12-02T20:00:00Z", "r-evening@2026-12-03T20:00:00Z");
            assertThat(fired).extracting(record -> record.value().outcome()).containsOnly(MISSED);
            assertThat(jumpTo("2026-12-04T20:00:00Z")).extracting(record -> record.value().outcome())
                    .containsExactly(DUE);
        }
    }

    @Test
    void eachOccurrenceIsEmittedExactlyOnceHoweverManyTicksPass() {
        startAt("2026-12-01T12:00:00Z");
        send(dailyAt("21:00").id("user-1", "r-evening"));
        assertThat(jumpTo("2026-12-01T19:59:55Z")).isEmpty();

        List<TestRecord<String, ReminderDue>> fired = runTo("2026-12-01T20:00:05Z");

        assertThat(fired).extracting(record -> record.value().occurrenceId())
                .containsExactly("r-evening@2026-12-01T20:00:00Z");
        // Ticks that come late or early on the 200 ms grid change nothing either.
        for (int step = 0; step < 40; step++) {
            driver.advanceWallClockTime(Duration.ofMillis(70));
            now = now.plusMillis(70);
        }
        assertThat(due.readRecordsToList()).isEmpty();
    }

    @Nested
    class SeveralPeople {

        private final ScheduleRecords a1 = dailyAt("21:00").id("user-a", "r-a1");
        private final ScheduleRecords a2 = dailyAt("20:50").id("user-a", "r-a2");
        private final ScheduleRecords b1 = dailyAt("20:30").id("user-b", "r-b1");
        private final ScheduleRecords b2 = dailyAt("20:30").id("user-b", "r-b2");
        private final ScheduleRecords c1 = dailyAt("20:45").id("user-c", "r-c1");

        @Test
        void eachReminderDueIsKeyedByItsPersonsUserId() {
            startAt("2026-12-01T12:00:00Z");
            List.of(a1, a2, b1, b2, c1).forEach(ReminderEngineTest.this::send);

            List<TestRecord<String, ReminderDue>> fired = new ArrayList<>();
            for (String at : List.of("19:30", "19:45", "19:50", "20:00")) {
                fired.addAll(jumpTo("2026-12-01T" + at + ":00Z"));
            }

            assertThat(fired).hasSize(5).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(record.value().userId());
                assertThat(record.value().outcome()).isEqualTo(DUE);
            });
            assertThat(fired).extracting(TestRecord::key)
                    .containsExactly("user-b", "user-b", "user-c", "user-a", "user-a");
            assertThat(fired).extracting(record -> record.value().reminderId())
                    .containsExactly("r-b1", "r-b2", "r-c1", "r-a2", "r-a1");
        }

        @Test
        void occurrencesHandledInOneTickComeOutInTheOrderOfTheirFireTimes() {
            startAt("2026-12-01T12:00:00Z");
            List.of(a1, c1, b2, a2, b1).forEach(ReminderEngineTest.this::send);

            List<TestRecord<String, ReminderDue>> fired = jumpTo("2026-12-01T20:10:00Z");

            assertThat(fired).extracting(record -> record.value().reminderId())
                    .containsExactly("r-b1", "r-b2", "r-c1", "r-a2", "r-a1");
            assertThat(fired).extracting(TestRecord::key)
                    .containsExactly("user-b", "user-b", "user-c", "user-a", "user-a");
            assertThat(fired).extracting(record -> record.value().fireAt()).isSorted();
            assertThat(fired).extracting(record -> record.value().outcome()).containsOnly(DUE);
        }
    }

    // --- the harness ---

    private void startAt(String instant) {
        now = Instant.parse(instant);
        meters = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        ReminderTopology.build(builder, TICK, 5000, new EngineMetrics(meters), TRACING);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reminder-engine-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config, now);
        schedules = driver.createInputTopic(Topics.REMINDER_SCHEDULES, new StringSerializer(),
                JsonSerde.of(ScheduleRecord.class).serializer());
        due = driver.createOutputTopic(Topics.REMINDERS_DUE, new StringDeserializer(),
                JsonSerde.of(ReminderDue.class).deserializer());
    }

    /** A change made now, on the test's wall clock: the record carries that moment as its timestamp. */
    private void send(ScheduleRecords reminder) {
        schedules.pipeInput(reminder.key(), reminder.record(), now);
    }

    private void remove(ScheduleRecords reminder) {
        schedules.pipeInput(reminder.key(), (ScheduleRecord) null, now);
    }

    /** The wall clock jumps to the instant in one step, as after downtime: a single tick, at that instant. */
    private List<TestRecord<String, ReminderDue>> jumpTo(String instant) {
        Instant target = Instant.parse(instant);
        assertThat(target).isAfter(now);
        driver.advanceWallClockTime(Duration.between(now, target));
        now = target;
        return due.readRecordsToList();
    }

    /** The wall clock runs up to the instant tick by tick, every 200 ms. */
    private List<TestRecord<String, ReminderDue>> runTo(String instant) {
        Instant target = Instant.parse(instant);
        while (now.isBefore(target)) {
            Duration step = Duration.between(now, target);
            step = step.compareTo(TICK) < 0 ? step : TICK;
            driver.advanceWallClockTime(step);
            now = now.plus(step);
        }
        return due.readRecordsToList();
    }

    private static String header(TestRecord<String, ReminderDue> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
