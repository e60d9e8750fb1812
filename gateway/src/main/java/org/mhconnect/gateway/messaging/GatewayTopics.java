package org.mhconnect.gateway.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.events.Topics;
import org.mhconnect.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics the gateway owns: user events, erasure confirmations, and the dead letters of its consumer. */
@Configuration(proxyBeanMethods = false)
class GatewayTopics {

    @Bean
    NewTopic usersTopic(GatewayProperties properties) {
        return topic(Topics.USERS, properties);
    }

    @Bean
    NewTopic erasuresTopic(GatewayProperties properties) {
        return topic(Topics.ERASURES, properties);
    }

    @Bean
    NewTopic erasuresDeadLetters(GatewayProperties properties) {
        return topic(Topics.deadLetter(Topics.ERASURES, "gateway"), properties);
    }

    private static NewTopic topic(String name, GatewayProperties properties) {
        return TopicBuilder.name(name).partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas()).build();
    }
}
