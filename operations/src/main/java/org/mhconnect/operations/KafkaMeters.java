package org.mhconnect.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The service's Kafka consumers as operators see them. {@code mhc.kafka.consumer.lag{group,topic}}: records not yet
 * consumed by each of the service's own (named, shared) consumer groups, summed over partitions, from the group's
 * committed offsets against the partitions' end offsets, sampled in the background. And
 * {@code mhc.kafka.dead.letters{topic}} registered at 0 for every topic the service consumes (kafka-events counts).
 */
final class KafkaMeters implements ApplicationListener<ApplicationStartedEvent>, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Sampler sampler;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final Set<String> groups;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;

    KafkaMeters(MeterRegistry registry, Sampler sampler, KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
            List<String> groups) {
        this.registry = registry;
        this.sampler = sampler;
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.groups = new LinkedHashSet<>(groups);
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        Map<String, Set<String>> topicsByGroup = new HashMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics == null) {
                continue;
            }
            for (String topic : topics) {
                Counter.builder("mhc.kafka.dead.letters").tag("topic", topic)
                        .description("Records parked on a dead-letter topic after their retries").register(registry);
                if (groups.contains(container.getGroupId())) {
                    topicsByGroup.computeIfAbsent(container.getGroupId(), g -> new LinkedHashSet<>()).add(topic);
                }
            }
        }
        topicsByGroup.forEach((group, topics) -> topics.forEach(topic -> {
            AtomicLong lag = lags.computeIfAbsent(group + "\n" + topic, key -> new AtomicLong());
            Gauge.builder("mhc.kafka.consumer.lag", lag, AtomicLong::get).tag("group", group).tag("topic", topic)
                    .description("Records behind the end of the topic, summed over partitions").register(registry);
        }));
        if (!topicsByGroup.isEmpty()) {
            sampler.every("consumer lag", () -> topicsByGroup.keySet().forEach(this::sample));
        }
    }

    private void sample(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> byTopic = new HashMap<>();
            committed.forEach((partition, offset) -> {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
                if (offset != null && end != null) {
                    byTopic.merge(partition.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                }
            });
            byTopic.forEach((topic, lag) -> {
                AtomicLong gauge = lags.get(group + "\n" + topic);
                if (gauge != null) {
                    gauge.set(lag);
                }
            });
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            throw new IllegalStateException("consumer lag of " + group + ": " + ex.getMessage(), ex);
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
