package org.mhconnect.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.mhconnect.gateway.GatewayProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than {@code mhc.gateway.max-body-size} with 413. The largest legitimate body, a journal
 * entry of 20,000 characters, fits well within the default 256 KB. The one exception is the journal import, a whole
 * exported journal, which has its own limit ({@code mhc.gateway.max-import-size}).
 * <p>
 * A {@code Content-Length} over the limit is refused before anything reads the body. Every other body (chunked, or
 * with a {@code Content-Length} that lies) is counted as it streams through: the chunk that would pass the limit is
 * never forwarded, the body ends with an error, and the answer is 413. Nothing is held in memory.
 */
@Component
@Order(-190)
class BodySizeLimitFilter implements WebFilter {

    static final String IMPORT_PATH = "/api/journal/import";

    private final long limit;
    private final long importLimit;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
        this.importLimit = properties.maxImportSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        long allowed = IMPORT_PATH.equals(EdgePaths.routed(exchange)) ? importLimit : limit;
        if (length > allowed) {
            return EdgeProblems.tooLarge(exchange, allowed);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), allowed);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodySizeLimitFilter::tooLarge,
                        ex -> exchange.getResponse().isCommitted() ? Mono.error(ex) : EdgeProblems.tooLarge(exchange, allowed));
    }

    /** The body as it comes, ending with {@link BodyTooLarge} instead of the chunk that passes the limit. */
    static Flux<DataBuffer> limited(Flux<DataBuffer> body, long allowed) {
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > allowed) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLarge());
                }
                else {
                    sink.next(buffer);
                }
            });
        });
    }

    /** The error {@link #limited} ends a body with, however the HTTP client or a circuit breaker wrapped it. */
    static boolean tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends a body that passed its limit. Not a {@code ResponseStatusException}, which Spring's own exception handlers
     * would answer before this filter could; without a stack trace, which would say nothing.
     */
    static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge() {
            super("The request body passed its limit", null, false, false);
        }
    }
}
