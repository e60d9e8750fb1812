package org.mhconnect.kafkaevents;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhconnect.events.Topics;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer does with a record it cannot handle: retry a few times, then park it on
 * {@code <topic>.<consumer>.dlt} with the original bytes and the failure in headers. Nothing is dropped, and each
 * parked record counts in {@code mhc.kafka.dead.letters{topic}} (the topic it came from).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Retries three times, one second apart, before a record goes to its dead-letter topic. */
    public static DefaultErrorHandler errorHandler(String consumer, Map<String, Object> producerProperties,
            MeterRegistry registry) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template(producerProperties),
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), consumer), -1));
        return new DefaultErrorHandler(parking(consumer, deadLetters, registry), new FixedBackOff(1_000L, 3L));
    }

    /**
     * Parks a record with the publisher, and only then says so and counts it. The publisher waits for the broker's
     * acknowledgement and throws when the record could not be parked; then this says that instead and throws on, so
     * that the error handler keeps the record (it is not committed) and tries again, rather than logging a record as
     * parked that is nowhere.
     */
    static ConsumerRecordRecoverer parking(String consumer, ConsumerRecordRecoverer publisher, MeterRegistry registry) {
        return (record, ex) -> {
            String deadLetter = Topics.deadLetter(record.topic(), consumer);
            try {
                publisher.accept(record, ex);
            }
            catch (RuntimeException notParked) {
                // Names the record, never its value: an event is small, but a failure must not leak anything.
                log.error("Could not park {}-{}@{} on {} ({}); it stays on its topic and is tried again", record.topic(),
                        record.partition(), record.offset(), deadLetter, rootMessage(notParked));
                throw notParked;
            }
            log.error("Parked {}-{}@{} on {} after: {}", record.topic(), record.partition(), record.offset(),
                    deadLetter, rootMessage(ex));
            Counter.builder("mhc.kafka.dead.letters").tag("topic", record.topic())
                    .description("Records parked on a dead-letter topic after their retries").register(registry).increment();
        };
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static KafkaTemplate<Object, Object> template(Map<String, Object> producerProperties) {
        // A record that could not be deserialised arrives as raw bytes and must leave unchanged.
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = Map.of(
                byte[].class, new ByteArraySerializer(),
                Object.class, EventSerialization.serializer());
        ProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(producerProperties,
                new DelegatingByTypeSerializer(Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer())),
                new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }

    private DeadLetters() {
    }
}
