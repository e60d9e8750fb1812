package org.mhconnect.reminder.engine;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.mhconnect.events.Topics;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;

/** The engine's topics and its Kafka Streams topology (settings under {@code spring.kafka.streams}). */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class EngineConfiguration {

    @Bean
    NewTopic reminderSchedulesTopic(ReminderProperties properties) {
        return TopicBuilder.name(Topics.REMINDER_SCHEDULES)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean
    NewTopic remindersDueTopic(ReminderProperties properties) {
        return TopicBuilder.name(Topics.REMINDERS_DUE)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    EngineMetrics engineMetrics(MeterRegistry registry) {
        return new EngineMetrics(registry);
    }

    @Bean
    Object reminderEngine(StreamsBuilder builder, ReminderProperties properties, EngineMetrics metrics,
            org.mhconnect.kafkaevents.EventTracing tracing) {
        ReminderTopology.build(builder, properties.engine().tick(), properties.engine().maxPerTick(), metrics, tracing);
        return "reminder-engine";
    }
}
