package org.mhconnect.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service behind the gateway. It answers every request with a small
 * JSON body naming itself and the path it saw, so a test can tell where the gateway sent a request.
 */
final class BackendServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private volatile Headers lastHeaders = new Headers();

    BackendServer(String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestedPaths.add(exchange.getRequestURI().getPath());
            lastHeaders = exchange.getRequestHeaders();
            byte[] body = ("{\"service\":\"" + name + "\",\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The headers of the last request this server received. */
    Headers lastHeaders() {
        return lastHeaders;
    }

    List<String> requestedPaths() {
        return requestedPaths;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
