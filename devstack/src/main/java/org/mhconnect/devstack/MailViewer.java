package org.mhconnect.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private final FaultControl faults;
    static final String CONTROL_HEADER = "X-Devstack-Control";
    static final int MAX_AWAY_SECONDS = 120;
    private final JsonMapper json = JsonMapper.builder().build();

    private MailViewer(int port, MailCatcher mail, BooleanSupplier ready, FaultControl faults) throws IOException {
        this.mail = mail;
        this.ready = ready;
        this.faults = faults;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", this::health);
        if (faults != null) {
            server.createContext("/control/", this::control);
        }
        server.createContext("/api/messages", this::messagesAsJson);
        server.createContext("/", this::page);
        server.start();
    }

    public static MailViewer start(int port, MailCatcher mail, BooleanSupplier ready) throws IOException {
        return new MailViewer(port, mail, ready, null);
    }

    /** With fault control: {@code POST /control/...} (see {@link FaultControl}). */
    static MailViewer start(int port, MailCatcher mail, BooleanSupplier ready, FaultControl faults) throws IOException {
        return new MailViewer(port, mail, ready, faults);
    }

    /**
     * A POST with the header {@code X-Devstack-Control} (which a web page cannot send to another origin without a
     * preflight this server never grants) stops or starts a part, and answers 204 once it is done.
     */
    private void control(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "Use POST");
            return;
        }
        if (exchange.getRequestHeaders().getFirst(CONTROL_HEADER) == null) {
            send(exchange, 403, "text/plain; charset=utf-8", "Send the " + CONTROL_HEADER + " header");
            return;
        }
        Duration away;
        try {
            away = away(exchange.getRequestURI().getQuery());
        }
        catch (IllegalArgumentException ex) {
            send(exchange, 400, "text/plain; charset=utf-8", ex.getMessage());
            return;
        }
        Runnable action = switch (exchange.getRequestURI().getPath()) {
            case "/control/mongodb/stop" -> faults::stopMongo;
            case "/control/mongodb/start" -> faults::startMongo;
            case "/control/kafka/restart" -> () -> faults.restartKafka(away);
            default -> null;
        };
        if (action == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            return;
        }
        action.run();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** {@code away=<seconds>}, 0 to 120; none is 0. */
    static Duration away(String query) {
        if (query == null || query.isEmpty()) {
            return Duration.ZERO;
        }
        if (!query.matches("away=\\d{1,3}") || Integer.parseInt(query.substring(5)) > MAX_AWAY_SECONDS) {
            throw new IllegalArgumentException("The only parameter is away=<seconds>, from 0 to " + MAX_AWAY_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(query.substring(5)));
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
