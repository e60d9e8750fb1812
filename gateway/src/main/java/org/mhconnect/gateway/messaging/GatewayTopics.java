package org.mhconnect.gateway.messaging;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.kafkaevents.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the gateway creates, as kafka-events' {@link EventTopic} catalogue gives them: user events, erasure
 * confirmations, and the dead letters of its consumer.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTopics {

    @Bean
    KafkaAdmin.NewTopics topics(Environment environment, GatewayProperties properties) {
        return EventTopic.createdBy(environment, properties.topics().partitions(), properties.topics().replicas());
    }
}
