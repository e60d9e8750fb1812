package org.mhconnect.kafkaevents;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Carries a trace across Kafka and across the outboxes as a W3C {@code traceparent} string: written as the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}) on every published event, stored with every outbox record,
 * and continued by consumers and relays. Span names and tags name topics and kinds of work only, never an event's
 * contents.
 */
public final class EventTracing {

    /** The CloudEvents distributed-tracing extension attribute in the Kafka binary binding. */
    public static final String HEADER = "ce_traceparent";

    /** Tracing switched off (no tracer in the application): nothing is written, work runs as it is. */
    public static final EventTracing NONE = new EventTracing(Tracer.NOOP, Propagator.NOOP);

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The current span as a {@code traceparent}, or {@code null} outside any trace. A trace that is not sampled (not
     * recorded here) still has its ids and goes along, flagged unsampled, so every service's log lines share them.
     */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Adds the current span as {@code ce_traceparent} to a record's headers; outside any trace it adds nothing. */
    public void addTo(Headers headers) {
        String traceparent = current();
        if (traceparent != null) {
            headers.add(new RecordHeader(HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Starts a span named {@code name} that continues {@code traceparent}, or a new trace when it is {@code null} or
     * unreadable (records written before tracing existed). The caller ends it.
     */
    public Span start(String traceparent, String name) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        Span.Builder builder = propagator.extract(carrier, Map::get);
        return builder.name(name).start();
    }

    /** Runs {@code work} in a new span continuing {@code traceparent}; its log lines carry that trace id. */
    public <T> T within(String traceparent, String name, Supplier<T> work) {
        Span span = start(traceparent, name);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        }
        catch (RuntimeException ex) {
            span.error(ex);
            throw ex;
        }
        finally {
            span.end();
        }
    }

    /** Like {@link #within(String, String, Supplier)}, for work without a result. */
    public void run(String traceparent, String name, Runnable work) {
        within(traceparent, name, () -> {
            work.run();
            return null;
        });
    }

    Tracer tracer() {
        return tracer;
    }
}
