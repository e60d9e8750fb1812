package org.mhconnect.gateway.problems;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.mhconnect.problems.StatusProblems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty answers a request it cannot decode (a request line longer than it reads: 414, headers larger
 * than it reads: 431, anything else malformed: 400) itself, with an empty body, before Spring sees it. Those
 * answers get the problem details every other answer has.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "mhc.decodingFailureProblems", new Bodies());
            }
        });
    }

    @ChannelHandler.Sharable
    static final class Bodies extends ChannelDuplexHandler {
        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && isBare(response)) {
                byte[] body = StatusProblems.json(response.status().code(), "/").getBytes(StandardCharsets.UTF_8);
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                context.write(problem, promise);
                return;
            }
            super.write(context, message, promise);
        }

        private static boolean isBare(FullHttpResponse response) {
            int status = response.status().code();
            return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }
    }
}
