package org.mhconnect.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** A record is counted as parked only once its dead-letter topic has it; a failed park leaves it to be tried again. */
class DeadLettersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerRecord<Object, Object> poison = new ConsumerRecord<>("mhc.journal", 2, 41L, "key", new byte[] {1});

    @Test
    void aParkedRecordIsCountedOnceItsDeadLetterTopicHasIt() {
        List<ConsumerRecord<?, ?>> published = new ArrayList<>();
        ConsumerRecordRecoverer parking = DeadLetters.parking("reminder-service", (record, ex) -> published.add(record),
                registry);

        parking.accept(poison, new IllegalStateException("unreadable"));

        assertThat(published).containsExactly(poison);
        assertThat(parked()).isEqualTo(1.0);
    }

    @Test
    void aRecordThatCouldNotBeParkedIsNotCountedAndIsGivenBackToBeTriedAgain() {
        ConsumerRecordRecoverer failing = (record, ex) -> {
            throw new KafkaException("Dead-letter publication failed", new TimeoutException("broker away"));
        };
        ConsumerRecordRecoverer parking = DeadLetters.parking("reminder-service", failing, registry);

        assertThatThrownBy(() -> parking.accept(poison, new IllegalStateException("unreadable")))
                .isInstanceOf(KafkaException.class);
        assertThat(parked()).isZero();
    }

    private double parked() {
        var counter = registry.find("mhc.kafka.dead.letters").tag("topic", "mhc.journal").counter();
        return counter == null ? 0 : counter.count();
    }
}
