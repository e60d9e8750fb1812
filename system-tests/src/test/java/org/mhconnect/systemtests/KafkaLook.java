package org.mhconnect.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the running system's Kafka holds, asked as an operator would: a topic's records from the start, and how far a
 * consumer group has come on a topic (its committed offsets against the topic's end).
 */
final class KafkaLook implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrap;
    private final Admin admin;

    KafkaLook(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", "5000",
                "default.api.timeout.ms", "10000"));
    }

    /** Records on the topic that the group has not committed yet; 0 when it has consumed everything. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** The group's committed offset on a partition (the next record it will read); -1 when it has committed none. */
    long committed(String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata at = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(partition);
        return at == null ? -1 : at.offset();
    }

    /** The groups whose id starts with the prefix (per-instance groups such as {@code content-search-<uuid>}) and that have members now. */
    Set<String> activeGroups(String prefix) throws Exception {
        Set<String> named = admin.listGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId).filter(id -> id.startsWith(prefix)).collect(Collectors.toSet());
        if (named.isEmpty()) {
            return named;
        }
        return admin.describeConsumerGroups(named).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().stream()
                .filter(group -> !group.members().isEmpty()).map(group -> group.groupId()).collect(Collectors.toSet());
    }

    /** The offset after the last record of each partition. */
    Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                        partition -> OffsetSpec.latest()))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The user ids with a {@code user.registered} event on {@code mhc.users}: every account the gateway announced. */
    Set<String> registeredUsers() throws Exception {
        return readAll("mhc.users").stream()
                .filter(record -> record.headers().lastHeader("ce_type") != null && "user.registered".equals(
                        new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8)))
                .map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    /** Every record on the topic now, from its first; values as bytes, for values that are not JSON too. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "system-test-look-" + UUID.randomUUID(), "enable.auto.commit", "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ends.keySet().stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
