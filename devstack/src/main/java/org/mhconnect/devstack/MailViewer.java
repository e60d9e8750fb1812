package org.mhconnect.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small web page that lists the captured mail. {@code /} is for people, {@code /api/messages} for
 * tests and scripts, and {@code /health} answers 200 once every devstack part is ready.
 */
public final class MailViewer implements AutoCloseable {

    private final HttpServer server;
    private final MailCatcher mail;
    private final BooleanSupplier ready;
    private final JsonMapper json = JsonMapper.builder().build();

    private MailViewer(int port, MailCatcher mail, BooleanSupplier ready) throws IOException {
        this.mail = mail;
        this.ready = ready;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", this::health);
        server.createContext("/api/messages", this::messagesAsJson);
        server.createContext("/", this::page);
        server.start();
    }

    public static MailViewer start(int port, MailCatcher mail, BooleanSupplier ready) throws IOException {
        return new MailViewer(port, mail, ready);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean up = ready.getAsBoolean();
        send(exchange, up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}" : "{\"status\":\"STARTING\"}");
    }

    private void messagesAsJson(HttpExchange exchange) throws IOException {
        send(exchange, 200, "application/json", json.writeValueAsString(mail.messages()));
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", MailPage.render(mail.messages().reversed()));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The HTML of the viewer page; every value from a message is escaped. */
    static final class MailPage {

        static String render(List<CapturedMail> newestFirst) {
            StringBuilder html = new StringBuilder("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <meta http-equiv="refresh" content="5">
                    <title>Captured mail · Mental Health Connect devstack</title>
                    <style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                    article{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}
                    pre{white-space:pre-wrap}small{color:#555}</style></head><body>
                    <h1>Captured mail</h1>
                    <p>Every e-mail the services send in the embedded default lands here. Nothing leaves this machine.
                    The page refreshes every five seconds.</p>
                    """);
            if (newestFirst.isEmpty()) {
                html.append("<p>No mail yet.</p>");
            }
            for (CapturedMail mail : newestFirst) {
                html.append("<article><h2>").append(escape(mail.subject())).append("</h2><small>#")
                        .append(mail.number()).append(" · ").append(escape(mail.receivedAt().toString()))
                        .append(" · from ").append(escape(mail.from())).append(" to ")
                        .append(escape(String.join(", ", mail.to()))).append("</small><pre>")
                        .append(escape(mail.text())).append("</pre></article>");
            }
            return html.append("</body></html>").toString();
        }

        static String escape(String value) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&#39;");
        }
    }
}
