package org.mhconnect.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The trace context travels on events as {@code ce_traceparent}, and listeners continue it. */
class EventTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
    });
    private final EventTracing tracing = new EventTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
            EventSerialization.serializer());
    private final EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory()), "journal-service",
            Duration.ofSeconds(1), tracing);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void anEventPublishedInsideATraceCarriesThatTraceAsCeTraceparent() {
        tracing.run(TRACEPARENT, "request", () -> publisher.publish("mhc.journal", event()));

        String header = header(producer.history().getFirst(), EventTracing.HEADER);
        assertThat(header).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
    }

    @Test
    void anEventPublishedOutsideAnyTraceHasNoTraceHeader() {
        publisher.publish("mhc.journal", event());

        assertThat(producer.history().getFirst().headers().lastHeader(EventTracing.HEADER)).isNull();
    }

    @Test
    void aListenerRunsInsideTheTraceOfTheRecordsCeTraceparentUntilTheRecordIsDone() {
        TracingRecordInterceptor interceptor = new TracingRecordInterceptor(tracing);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("mhc.journal", 0, 7L, "user-1", event());
        record.headers().add(new RecordHeader(EventTracing.HEADER, TRACEPARENT.getBytes(StandardCharsets.UTF_8)));

        interceptor.intercept(record, null);
        Span during = tracer.currentSpan();
        interceptor.afterRecord(record, null);

        assertThat(during).isNotNull();
        assertThat(during.context().traceId()).isEqualTo(TRACE_ID);
        assertThat(during.context().parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aRecordWithoutTraceHeaderStartsANewTrace() {
        TracingRecordInterceptor interceptor = new TracingRecordInterceptor(tracing);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("mhc.journal", 0, 8L, "user-1", event());

        interceptor.intercept(record, null);
        Span during = tracer.currentSpan();
        interceptor.afterRecord(record, null);

        assertThat(during).isNotNull();
        assertThat(during.context().traceId()).hasSize(32).isNotEqualTo(TRACE_ID);
    }

    @Test
    void aStoredTraceparentIsRestoredAndAnUnreadableOneStartsAFreshTrace() {
        String restored = tracing.within(TRACEPARENT, "relay", tracing::current);
        String fresh = tracing.within("not-a-traceparent", "relay", tracing::current);

        assertThat(restored).startsWith("00-" + TRACE_ID + "-");
        assertThat(fresh).isNotNull().doesNotContain(TRACE_ID);
        assertThat(tracing.current()).isNull();
    }

    @Test
    void aTraceThatIsNotSampledStillTravelsFlaggedUnsampled() {
        try (SdkTracerProvider unsampled = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build()) {
            io.opentelemetry.api.trace.Tracer otelUnsampled = unsampled.get("test");
            EventTracing sampledOut = new EventTracing(new OtelTracer(otelUnsampled, new OtelCurrentTraceContext(), event -> {
            }), new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelUnsampled));

            String carried = sampledOut.within(null, "request", sampledOut::current);

            assertThat(carried).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        }
    }

    private static JournalEntryRecorded event() {
        return new JournalEntryRecorded(UUID.randomUUID(), Instant.parse("2026-12-06T10:00:00Z"), "user-1", "entry-1",
                java.time.LocalDate.parse("2026-12-06"), 3, java.util.List.of());
    }

    private ProducerFactory<String, Object> factory() {
        return () -> producer;
    }

    private static String header(ProducerRecord<String, Object> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
