package org.mhconnect.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A body is counted as it streams, whatever its Content-Length said, and stops before the chunk that passes the limit. */
class BodySizeLimitTest {

    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    @Test
    void aBodyWithinTheLimitPassesWhole() {
        StepVerifier.create(BodySizeLimitFilter.limited(chunks(4, 100), 400).map(DataBuffer::readableByteCount))
                .expectNext(100, 100, 100, 100)
                .verifyComplete();
    }

    @Test
    void theChunkThatPassesTheLimitIsNeverForwarded() {
        StepVerifier.create(BodySizeLimitFilter.limited(chunks(1_000, 100), 250).map(DataBuffer::readableByteCount))
                .expectNext(100, 100)
                .expectErrorMatches(BodySizeLimitFilter::tooLarge)
                .verify();
    }

    @Test
    void theLimitIsRecognisedHoweverTheErrorWasWrapped() {
        assertThat(BodySizeLimitFilter.tooLarge(new IllegalStateException(new BodySizeLimitFilter.BodyTooLarge()))).isTrue();
        assertThat(BodySizeLimitFilter.tooLarge(new IllegalStateException("something else"))).isFalse();
    }

    @Test
    void aBodyLongerThanItsContentLengthSaidIsRefusedWithContentTooLarge() {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(new GatewayProperties(null, null, null, DataSize.ofBytes(250),
                DataSize.ofBytes(1_000), null, null, List.of(), null));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/journal/entries")
                .contentLength(100).body(chunks(1_000, 100)));

        filter.filter(exchange, forwarded -> forwarded.getRequest().getBody().then()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> BUFFERS.wrap(new byte[size]));
    }

}
