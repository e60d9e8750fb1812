package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;

/**
 * A poison record on every topic a service consumes: bytes that are no JSON at all, well-formed JSON of a type nobody
 * knows, and (on {@code mhc.journal} and the engine's topic) a known type with its fields missing. Every listener parks
 * each one on its dead-letter topic ({@code <topic>.<service>.dlt}, counted in {@code mhc.kafka.dead.letters}) and
 * reads on: an event sent after the poison, with the same key and so on the same partition, is consumed (a deletion
 * completes, a journaled day appears, every group commits past it). The reminder engine (Kafka Streams) skips what it
 * cannot read on {@code mhc.reminders.schedules} and still fires the schedule after it. Every service stays ready.
 */
@FaultTest
class PoisonEventSystemTest {

    /** A listener of the running system: its group (a prefix for per-instance groups) and where it parks poison. */
    record Consumer(String topic, String group, String service) {

        String deadLetters() {
            return topic + "." + service + ".dlt";
        }

        boolean perInstance() {
            return group.endsWith("-");
        }
    }

    static final List<Consumer> CONSUMERS = List.of(
            new Consumer("mhc.users", "content-service", "content-service"),
            new Consumer("mhc.users", "journal-service", "journal-service"),
            new Consumer("mhc.users", "reminder-service", "reminder-service"),
            new Consumer("mhc.erasures", "gateway", "gateway"),
            new Consumer("mhc.content", "content-search-", "content-service"),
            new Consumer("mhc.content", "reminder-digest", "reminder-service"),
            new Consumer("mhc.journal", "reminder-service", "reminder-service"),
            new Consumer("mhc.reminders.due", "reminder-dispatcher", "reminder-service"),
            new Consumer("mhc.notifications", "reminder-live-", "reminder-service"));

    /** The reminder engine's input (Kafka Streams, application id {@code reminder-engine}); it skips what it cannot read. */
    static final String SCHEDULES = "mhc.reminders.schedules";
    static final String ENGINE = "reminder-engine";

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    /** A listener that is not in {@link #CONSUMERS} would get no poison here: a new one must be added to the list. */
    @Test
    void everyConsumerGroupOfTheRunningSystemIsInTheList() throws Exception {
        try (KafkaLook kafka = new KafkaLook(system.kafka())) {
            await("every service's listeners in their groups").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(kafka.activeGroups("")).filteredOn(group -> !group.equals(ENGINE))
                            .allSatisfy(group -> assertThat(CONSUMERS).as("consumers poisoned here")
                                    .anyMatch(consumer -> consumer.perInstance() ? group.startsWith(consumer.group())
                                            : group.equals(consumer.group())))
                            .hasSizeGreaterThanOrEqualTo((int) CONSUMERS.stream().map(Consumer::group).distinct().count()));
        }
    }

    @Test
    void everyConsumerParksPoisonAndReadsOnPastIt() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        Person bea = People.signUpAndSignIn(system.gateway());
        String someone = "poison-" + UUID.randomUUID();
        String reminderId = UUID.randomUUID().toString();
        Map<String, String> keys = Map.of("mhc.users", ada.id(), "mhc.erasures", ada.id(), "mhc.journal", bea.id(),
                "mhc.content", someone, "mhc.reminders.due", someone, "mhc.notifications", someone);
        Map<String, List<byte[]>> poisons = new HashMap<>();
        Instant poisoned;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", system.kafka()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, String> topic : keys.entrySet()) {
                for (ProducerRecord<String, byte[]> poison : poison(topic.getKey(), null, topic.getValue())) {
                    producer.send(poison).get();
                    poisons.computeIfAbsent(topic.getKey(), key -> new ArrayList<>()).add(poison.value());
                }
            }
            // The engine's records all go to partition 0, so the schedule comes after the poison for the same task.
            for (ProducerRecord<String, byte[]> poison : poison(SCHEDULES, 0, someone + "/" + UUID.randomUUID())) {
                producer.send(poison).get();
            }
            poisoned = Instant.now();

            // Good events after the poison, with the same keys.
            producer.send(new ProducerRecord<>(SCHEDULES, 0, someone + "/" + reminderId, schedule(someone, reminderId))).get();
            producer.send(event("mhc.content", someone, "content.withdrawn", """
                    {"eventId":"%s","occurredAt":"%s","userId":"%s","slug":"%s","type":"article","version":1}"""
                    .formatted(UUID.randomUUID(), Instant.now(), someone, someone))).get();
            producer.send(event("mhc.notifications", someone, "notification.failed", """
                    {"eventId":"%s","occurredAt":"%s","userId":"%s","occurrenceId":"%s@%s","reminderId":"%s","channel":"webhook","attempts":1,"reason":"a test"}"""
                    .formatted(UUID.randomUUID(), Instant.now(), someone, reminderId, Instant.now(), reminderId))).get();
            assertThat(People.post(system.gateway() + "/api/journal/entries", bea,
                    "{\"body\":\"After the poison.\",\"mood\":3,\"timeZone\":\"UTC\"}").statusCode()).isEqualTo(201);
            assertThat(People.HTTP.send(HttpRequest.newBuilder(URI.create(system.gateway() + "/api/me"))
                    .header("Authorization", "Bearer " + ada.accessToken()).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

            try (KafkaLook kafka = new KafkaLook(system.kafka())) {
                await("every event after the poison consumed").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                        .until(() -> deletionComplete(ada) && journaledToday(bea) && fired(kafka, reminderId));
                Instant readOn = Instant.now();
                await("every group past its poison and the event after it").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                            for (Consumer consumer : CONSUMERS) {
                                assertReadPast(kafka, consumer, keys.get(consumer.topic()), poisons.get(consumer.topic()));
                            }
                        });
                int parked = 0;
                for (Consumer consumer : CONSUMERS) {
                    List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readAll(consumer.deadLetters());
                    for (byte[] poison : poisons.get(consumer.topic())) {
                        assertThat(deadLetters).as("poison from " + consumer.topic() + " parked on " + consumer.deadLetters())
                                .anyMatch(record -> Arrays.equals(record.value(), poison));
                        parked++;
                    }
                    assertThat(deadLettersCounted(consumer)).as(consumer.service() + " counts dead letters of " + consumer.topic())
                            .isPositive();
                }
                for (String service : RunningSystem.SERVICES) {
                    assertThat(People.get(system.managementUrl(service, "/actuator/health/readiness"), null).statusCode())
                            .as(service + " ready").isEqualTo(200);
                }
                System.out.printf("POISON-EVENTS %d poison records on %d topics; %d parked by %d consumers on their dead-letter "
                                + "topics, the engine skipped its 3; every event after them consumed %.1f s after the poison%n",
                        poisons.values().stream().mapToInt(List::size).sum() + 3, keys.size() + 1, parked, CONSUMERS.size(),
                        Duration.between(poisoned, readOn).toMillis() / 1000.0);
            }
            // The engine forgets the test's schedule again (a tombstone).
            producer.send(new ProducerRecord<>(SCHEDULES, 0, someone + "/" + reminderId, null)).get();
        }
    }

    /** Garbage bytes and JSON of an unknown type; on the journal also a known type without its fields. */
    private static List<ProducerRecord<String, byte[]>> poison(String topic, Integer partition, String key) {
        byte[] garbage = ("\u00c3\u0028\u0000 not an event " + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(List.of(
                new ProducerRecord<>(topic, partition, key, garbage),
                typed(new ProducerRecord<>(topic, partition, key, """
                        {"eventId":"%s","occurredAt":"%s","userId":"%s","whatever":[1,2,3]}"""
                        .formatted(UUID.randomUUID(), Instant.now(), key).getBytes(StandardCharsets.UTF_8)), "mhc.unheard-of")));
        if (topic.equals("mhc.journal") || topic.equals(SCHEDULES)) {
            records.add(typed(new ProducerRecord<>(topic, partition, key,
                    "{\"eventId\":\"%s\"}".formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), "journal.entry-recorded"));
        }
        return records;
    }

    private static ProducerRecord<String, byte[]> event(String topic, String key, String type, String json) {
        return typed(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)), type);
    }

    /** The CloudEvents headers and the type id, as kafka-events writes them. */
    private static ProducerRecord<String, byte[]> typed(ProducerRecord<String, byte[]> record, String type) {
        record.headers().add("__TypeId__", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "poison-test".getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A daily schedule snoozed to two seconds from now, as reminder-service's feed writes one. */
    private static byte[] schedule(String userId, String reminderId) {
        return """
                {"reminderId":"%s","userId":"%s","kind":"custom","rrule":"FREQ=DAILY","start":"2026-01-01T03:00",
                 "timeZone":"UTC","graceMinutes":60,"active":true,"skipThrough":null,"snoozes":["%s"],"quietStart":null,
                 "quietEnd":null,"quietMode":null,"quietZone":null,"pausedUntil":null,"version":1}"""
                .formatted(reminderId, userId, Instant.now().plusSeconds(2)).getBytes(StandardCharsets.UTF_8);
    }

    /** The group (each per-instance group) committed past the poison and past the event with the same key after it. */
    private static void assertReadPast(KafkaLook kafka, Consumer consumer, String key, List<byte[]> poisons) throws Exception {
        List<ConsumerRecord<String, byte[]>> mine = kafka.readAll(consumer.topic()).stream()
                .filter(record -> key.equals(record.key())).toList();
        ConsumerRecord<String, byte[]> lastPoison = mine.stream()
                .filter(record -> poisons.stream().anyMatch(poison -> Arrays.equals(poison, record.value())))
                .reduce((first, second) -> second).orElseThrow();
        ConsumerRecord<String, byte[]> after = mine.stream().filter(record -> record.offset() > lastPoison.offset())
                .findFirst().orElseThrow(() -> new AssertionError("no event after the poison on " + consumer.topic()));
        TopicPartition partition = new TopicPartition(consumer.topic(), after.partition());
        Set<String> groups = consumer.perInstance() ? kafka.activeGroups(consumer.group()) : Set.of(consumer.group());
        assertThat(groups).as("groups " + consumer.group() + "*").isNotEmpty();
        for (String group : groups) {
            assertThat(kafka.committed(group, partition)).as(group + " on " + partition + " past offset " + after.offset())
                    .isGreaterThan(after.offset());
        }
    }

    private static boolean deletionComplete(Person person) throws Exception {
        HttpResponse<String> status = People.get(system.gateway() + "/api/me/deletion", person);
        return status.statusCode() == 200 && JSON.readTree(status.body()).get("complete").asBoolean();
    }

    private static boolean journaledToday(Person person) throws Exception {
        HttpResponse<String> days = People.get(system.gateway() + "/api/reminders/journaled-days", person);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return days.statusCode() == 200 && JSON.readTree(days.body()).valueStream()
                .anyMatch(day -> today.equals(day.get("date").asString()));
    }

    /** Whether the engine emitted a {@code reminder.due} for the reminder. */
    private static boolean fired(KafkaLook kafka, String reminderId) throws Exception {
        return kafka.readAll("mhc.reminders.due").stream()
                .anyMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(reminderId));
    }

    /** {@code mhc.kafka.dead.letters{topic}} in the service's Prometheus scrape on its management port. */
    private static double deadLettersCounted(Consumer consumer) throws Exception {
        return People.get(system.managementUrl(consumer.service(), "/actuator/prometheus"), null).body().lines()
                .filter(line -> line.startsWith("mhc_kafka_dead_letters_total{") && line.contains("topic=\"" + consumer.topic() + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
