package org.mhconnect.kafkaevents;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.events.DomainEvent;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes domain events with CloudEvents headers, keyed by user id so that one person's events keep
 * their order, and waits for the broker's acknowledgement so the caller knows the event is safe. The current trace
 * goes along as {@code ce_traceparent}.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final String source;
    private final Duration timeout;
    private final EventTracing tracing;

    /**
     * @param source  the CloudEvents source, the name of the producing service
     * @param timeout how long to wait for the broker before reporting failure
     * @param tracing whose current span goes out as {@code ce_traceparent}
     */
    public EventPublisher(KafkaTemplate<String, Object> template, String source, Duration timeout, EventTracing tracing) {
        this.template = template;
        this.source = source;
        this.timeout = timeout;
        this.tracing = tracing;
    }

    /** A publisher that writes no trace context. */
    public EventPublisher(KafkaTemplate<String, Object> template, String source, Duration timeout) {
        this(template, source, timeout, EventTracing.NONE);
    }

    /** Sends and waits for the acknowledgement; throws {@link EventNotPublishedException} when it fails. */
    public void publish(String topic, DomainEvent event) {
        publish(topic, event.userId(), event);
    }

    /**
     * Sends with another key than the user id, for events whose order matters per something else (content events
     * are keyed by the item's slug); waits like {@link #publish(String, DomainEvent)}.
     */
    public void publish(String topic, String key, DomainEvent event) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, event);
        CloudEventHeaders.of(event, source).forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
        tracing.addTo(record.headers());
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(topic, event, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new EventNotPublishedException(topic, event, ex);
        }
        catch (org.springframework.kafka.KafkaException | org.apache.kafka.common.KafkaException ex) {
            // The broker is away: send() itself gives up once it has waited max.block.ms for the topic's metadata.
            throw new EventNotPublishedException(topic, event, ex);
        }
    }
}
