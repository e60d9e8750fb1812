package org.mhconnect.content.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.content.ContentProperties;
import org.mhconnect.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** content-service owns the content topic and creates it at start when it is missing. */
@Configuration(proxyBeanMethods = false)
class ContentTopics {

    @Bean
    NewTopic contentTopic(ContentProperties properties) {
        return TopicBuilder.name(Topics.CONTENT)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
