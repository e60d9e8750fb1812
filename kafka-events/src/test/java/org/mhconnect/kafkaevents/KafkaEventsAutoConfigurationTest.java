package org.mhconnect.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.mock.env.MockEnvironment;

class KafkaEventsAutoConfigurationTest {

    private final KafkaEventsAutoConfiguration configuration = new KafkaEventsAutoConfiguration();

    /** An environment that converts "5s" to a Duration, as a Spring Boot application's does. */
    private static MockEnvironment bootEnvironment() {
        MockEnvironment environment = new MockEnvironment();
        environment.setConversionService(new ApplicationConversionService());
        return environment;
    }

    @Test
    void sendingWaitsForTheBrokerNoLongerThanThePublishTimeout() {
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(Map.of());

        configuration.eventSerialization(bootEnvironment().withProperty("mhc.events.publish-timeout", "5s"))
                .customize(factory);

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L);
    }

    @Test
    void theDefaultPublishTimeoutOfThreeSecondsBoundsItToo() {
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(Map.of());

        configuration.eventSerialization(bootEnvironment()).customize(factory);

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L);
    }

    @Test
    void aServiceThatSetsMaxBlockItselfKeepsItsValue() {
        DefaultKafkaProducerFactory<Object, Object> factory =
                new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));

        configuration.eventSerialization(bootEnvironment()).customize(factory);

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    }
}
