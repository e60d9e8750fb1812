package org.mhconnect.content.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.content.ContentProperties;
import org.mhconnect.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics content-service owns, created at start when they are missing. */
@Configuration(proxyBeanMethods = false)
class ContentTopics {

    @Bean
    NewTopic contentTopic(ContentProperties properties) {
        return TopicBuilder.name(Topics.CONTENT)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    /** Where user events this service cannot handle are parked. */
    @Bean
    NewTopic userEventsDeadLetters(ContentProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.USERS, "content-service"))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
