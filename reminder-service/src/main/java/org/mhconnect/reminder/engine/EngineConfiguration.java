package org.mhconnect.reminder.engine;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * The engine's Kafka Streams topology (settings under {@code spring.kafka.streams}). Its topics are created with the
 * service's others ({@code messaging.MessagingConfiguration}, from kafka-events' catalogue).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class EngineConfiguration {

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
