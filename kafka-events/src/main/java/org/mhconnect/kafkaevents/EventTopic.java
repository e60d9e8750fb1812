package org.mhconnect.kafkaevents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.mhconnect.events.Topics;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic of the system, declared once: its name (from {@link Topics}), the service that owns and creates it, the
 * settings it is created with, and the services whose listeners read it. Each of those creates the topic's dead-letter
 * topic for itself ({@code <topic>.<service>.dlt}, where {@link DeadLetters} parks): the brokers create no topics, and a
 * record that cannot be parked is tried again for ever. A service creates what this catalogue gives it
 * ({@link #createdBy(Environment, int, short)}), so a new listener of a topic is one line here, not a bean to remember
 * in the service. Partitions and replicas stay the owning service's settings ({@code mhc.<service>.topics.*}): a
 * deployment chooses them, and deploy-checks holds its KafkaTopic resources to them.
 */
public enum EventTopic {

    USERS(Topics.USERS, "gateway", Map.of(), "content-service", "journal-service", "reminder-service"),
    /** Read by its owner; the one topic every service publishes to. */
    ERASURES(Topics.ERASURES, "gateway", Map.of(), "gateway"),
    /** Read by every content-service instance's search index and by reminder-service's weekly digest. */
    CONTENT(Topics.CONTENT, "content-service", Map.of(), "content-service", "reminder-service"),
    JOURNAL(Topics.JOURNAL, "journal-service", Map.of(), "reminder-service"),
    /**
     * Compacted: the latest record of a reminder is its schedule. Read by reminder-service's Kafka Streams engine,
     * which parks nothing, so it has no dead-letter topic.
     */
    REMINDER_SCHEDULES(Topics.REMINDER_SCHEDULES, "reminder-service",
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
    REMINDERS_DUE(Topics.REMINDERS_DUE, "reminder-service", Map.of(), "reminder-service"),
    NOTIFICATIONS(Topics.NOTIFICATIONS, "reminder-service", Map.of(), "reminder-service");

    private final String topicName;
    private final String owner;
    private final Map<String, String> configs;
    private final Set<String> listeners;

    EventTopic(String topicName, String owner, Map<String, String> configs, String... listeners) {
        this.topicName = topicName;
        this.owner = owner;
        this.configs = configs;
        this.listeners = Set.of(listeners);
    }

    /** The topic's name, as {@link Topics} has it. */
    public String topicName() {
        return topicName;
    }

    /** The service that creates it: its {@code spring.application.name}. */
    public String owner() {
        return owner;
    }

    /** What the topic is created with beyond partitions and replicas, such as compaction. */
    public Map<String, String> configs() {
        return configs;
    }

    /** The services whose listeners read it, each with a dead-letter topic of its own for it. */
    public Set<String> listeners() {
        return listeners;
    }

    /**
     * The topics the service of this {@code spring.application.name} creates at start, the name {@link DeadLetters}
     * parks under, as one bean: those it owns, and the dead-letter topic of each topic its listeners read.
     */
    public static KafkaAdmin.NewTopics createdBy(Environment environment, int partitions, short replicas) {
        return new KafkaAdmin.NewTopics(createdBy(environment.getRequiredProperty("spring.application.name"), partitions,
                replicas).toArray(NewTopic[]::new));
    }

    /** The topics {@code service} creates at start: those it owns, and the dead-letter topic of each one it reads. */
    public static List<NewTopic> createdBy(String service, int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventTopic topic : values()) {
            if (topic.owner.equals(service)) {
                topics.add(TopicBuilder.name(topic.topicName).partitions(partitions).replicas(replicas)
                        .configs(topic.configs).build());
            }
        }
        for (EventTopic topic : values()) {
            if (topic.listeners.contains(service)) {
                topics.add(TopicBuilder.name(Topics.deadLetter(topic.topicName, service)).partitions(partitions)
                        .replicas(replicas).build());
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("No topic is owned or read by '" + service + "'");
        }
        return List.copyOf(topics);
    }
}
