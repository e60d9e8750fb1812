package org.mhconnect.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service behind the gateway. It answers every request with a small
 * JSON body naming itself and the path it saw, so a test can tell where the gateway sent a request.
 */
final class BackendServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private final List<Long> importedBytes = new CopyOnWriteArrayList<>();
    private volatile Headers lastHeaders = new Headers();
    private final CountDownLatch together = new CountDownLatch(GatewayRoutingTest.CONCURRENT_REQUESTS);

    BackendServer(String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/content/together", exchange -> {
            // Answers only once every expected request is in flight at the same time.
            together.countDown();
            boolean all;
            try {
                all = together.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                all = false;
            }
            exchange.sendResponseHeaders(all ? 200 : 504, -1);
            exchange.close();
        });
        server.createContext("/api/journal/import", exchange -> {
            // Reads whatever arrives, until the body ends or the gateway gives up on it.
            long received = 0;
            try (var in = exchange.getRequestBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    received += read;
                }
                exchange.sendResponseHeaders(200, -1);
            }
            catch (IOException ex) {
                // The gateway cut the body off.
            }
            finally {
                importedBytes.add(received);
                exchange.close();
            }
        });
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

    /** How many bytes of each import request's body arrived, once that request is over. */
    List<Long> importedBytes() {
        return importedBytes;
    }

    List<String> requestedPaths() {
        return requestedPaths;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
