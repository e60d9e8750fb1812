package org.mhconnect.content.messaging;

import org.mhconnect.content.ContentProperties;
import org.mhconnect.kafkaevents.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics content-service creates at start when they are missing, as kafka-events' {@link EventTopic} catalogue
 * gives them: {@code mhc.content}, and where its consumers park user and content events they cannot handle. Without
 * the content one a poison record on {@code mhc.content} could not be parked (the broker creates no topics), so it was
 * retried for ever and every later content event waited behind it.
 */
@Configuration(proxyBeanMethods = false)
class ContentTopics {

    @Bean
    KafkaAdmin.NewTopics topics(Environment environment, ContentProperties properties) {
        return EventTopic.createdBy(environment, properties.topics().partitions(), properties.topics().replicas());
    }
}
