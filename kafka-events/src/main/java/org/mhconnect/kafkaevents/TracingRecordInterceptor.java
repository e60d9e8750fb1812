package org.mhconnect.kafkaevents;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Continues the producer's trace in every listener: before a record is handled, a consumer span is started from its
 * {@code ce_traceparent} header (a new trace when there is none) and put in scope on the listener thread, so the
 * listener's work and log lines join the trace; it ends after the record. The span is named after the topic only.
 */
final class TracingRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final EventTracing tracing;
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    private record Open(Span span, Tracer.SpanInScope scope) {
    }

    TracingRecordInterceptor(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
        Header header = record.headers().lastHeader(EventTracing.HEADER);
        String traceparent = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        Span span = tracing.start(traceparent, record.topic() + " process")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic());
        open.set(new Open(span, tracing.tracer().withSpan(span)));
        return record;
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        Open current = open.get();
        if (current != null) {
            current.span().error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
    }

    private void close() {
        Open current = open.get();
        if (current != null) {
            open.remove();
            current.scope().close();
            current.span().end();
        }
    }
}
