package org.mhconnect.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * devstack and the four services, each started from its built jar as a separate operating-system process on
 * free ports, the way {@code ./run.sh} starts them. Logs go to {@code target/system-logs}.
 */
final class RunningSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("content-service", "journal-service", "reminder-service", "gateway");

    /** Whoever signs up with this address is an editor (and admin), as an operator's bootstrap admin would be. */
    static final String EDITOR_EMAIL = "editor@example.org";

    /** The key suffix of a service's (or instance's) management port, actuator's own port, in {@link #ports}. */
    private static final String MANAGEMENT = "/management";

    private final Path root = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("mhc.version", "0.1.0");
    private final Path logs;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Path dataDir;

    private RunningSystem(Path logs) throws IOException {
        this.logs = logs;
        Files.createDirectories(logs);
        dataDir = Files.createTempDirectory("mhc-system-");
        for (String name : List.of("kafka", "mongo", "smtp", "mail-ui", "content-service", "journal-service",
                "reminder-service", "gateway")) {
            ports.put(name, freePort());
        }
        for (String service : SERVICES) {
            ports.put(service + MANAGEMENT, freePort());
        }
    }

    private static RunningSystem shared;
    private static RunningSystem faults;

    /** The system of this test JVM: started on first use, stopped when the JVM exits. Logs in {@code target/system-logs}. */
    static synchronized RunningSystem shared() throws IOException {
        if (shared == null) {
            shared = startUntilExit(Path.of("target", "system-logs"));
        }
        return shared;
    }

    /**
     * A second system, for the fault tests (classes marked {@link FaultTest}): they stop and break its parts while
     * the other tests go on with the shared one beside them. Logs in {@code target/system-logs/faults}.
     */
    static synchronized RunningSystem forFaults() throws IOException {
        if (faults == null) {
            faults = startUntilExit(Path.of("target", "system-logs", "faults"));
        }
        return faults;
    }

    private static RunningSystem startUntilExit(Path logs) throws IOException {
        RunningSystem system = start(logs.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                system.close();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "system-stop"));
        return system;
    }

    /**
     * Starts everything; a start that fails (such as a "free" port taken by someone else in the meantime) stops
     * what it started, so nothing is left running, and is tried once more on new ports.
     */
    private static RunningSystem start(Path logs) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RunningSystem system = new RunningSystem(logs);
            try {
                system.startDevstack();
                SERVICES.forEach(system::startService);
                for (String service : SERVICES) {
                    system.awaitReady(service, system.url(service, "/actuator/health/readiness"));
                }
                return system;
            }
            catch (RuntimeException ex) {
                try {
                    system.close();
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (attempt == 2) {
                    throw ex;
                }
            }
        }
    }

    /** Starts a stopped service again and waits until it is ready. */
    void restart(String service) {
        startService(service);
        awaitReady(service, url(service, "/actuator/health/readiness"));
    }

    /** The service's own address, bypassing the gateway; for reading its OpenAPI document. */
    String direct(String service) {
        return url(service, "");
    }

    String gateway() {
        return "http://localhost:" + ports.get("gateway");
    }

    /** Kafka's bootstrap address, for reading a topic as any consumer would. */
    String kafka() {
        return "localhost:" + ports.get("kafka");
    }

    /** Takes MongoDB away (devstack's fault control); every service loses its database until {@link #startMongo}. */
    void stopMongo() {
        control("/control/mongodb/stop");
    }

    /** Brings MongoDB back on the same port with the same data. */
    void startMongo() {
        control("/control/mongodb/start");
    }

    /**
     * Restarts Kafka (devstack's fault control): the broker shuts down, every client loses it, it stays away for
     * {@code away}, and it starts again on the same port with the same log. Returns once the broker answers again.
     */
    void restartKafka(Duration away) {
        control("/control/kafka/restart?away=" + away.toSeconds());
    }

    /** The port Kafka listens on, for watching it go away and come back. */
    int kafkaPort() {
        return ports.get("kafka");
    }

    private void control(String path) {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailViewer() + path))
                    .header("X-Devstack-Control", "fault test").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("devstack answered " + answer.statusCode() + " to " + path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    String mailViewer() {
        return "http://localhost:" + ports.get("mail-ui");
    }

    /** Stops one service the way an operator would, with SIGTERM, and waits until it is gone. */
    void stop(String service) throws InterruptedException {
        Process process = processes.remove(service);
        process.destroy();
        awaitExit(process);
    }

    private void startDevstack() {
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-Xmx384m", "--sun-misc-unsafe-memory-access=allow",
                "-jar", jar("devstack").toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of(
                "DEVSTACK_KAFKA_PORT", ports.get("kafka").toString(),
                "DEVSTACK_MONGO_PORT", ports.get("mongo").toString(),
                "DEVSTACK_SMTP_PORT", ports.get("smtp").toString(),
                "DEVSTACK_MAIL_UI_PORT", ports.get("mail-ui").toString(),
                "DEVSTACK_DATA_DIR", dataDir.resolve("devstack").toString(),
                // Fault tests stop and start MongoDB and restart Kafka through devstack's control endpoints.
                "DEVSTACK_FAULT_CONTROL", "true"));
        launch("devstack", builder);
        awaitReady("devstack", mailViewer() + "/health");
    }

    /**
     * Starts one more instance of a service under another name (such as {@code reminder-service-2}), on a port of its
     * own, against the same Kafka and MongoDB, and waits until it is ready.
     */
    void startInstance(String module, String name) throws IOException {
        ports.put(name, freePort());
        ports.put(name + MANAGEMENT, freePort());
        startService(module, name);
        awaitReady(name, url(name, "/actuator/health/readiness"));
    }

    /** Kills an instance the hard way, SIGKILL (kill -9): no shutdown hooks, nothing flushed, no group left. */
    void kill(String name) throws InterruptedException {
        Process process = processes.remove(name);
        process.destroyForcibly();
        process.waitFor();
    }

    private void startService(String service) {
        startService(service, service);
    }

    private void startService(String service, String name) {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx192m",
                "-Xss512k", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Dspring.main.banner-mode=off", "-jar", jar(service).toString(),
                "--server.port=" + ports.get(name),
                // Every instance its own free management port, on loopback as under run.sh.
                "--management.server.port=" + ports.get(name + MANAGEMENT),
                "--spring.kafka.bootstrap-servers=localhost:" + ports.get("kafka"),
                "--spring.mongodb.uri=mongodb://localhost:" + ports.get("mongo"),
                "--mhc.security.jwks-uri=" + gateway() + "/.well-known/jwks.json",
                "--mhc.security.issuer=" + gateway()));
        if (service.equals("gateway")) {
            command.add("--mhc.gateway.identity.issuer=" + gateway());
            command.add("--spring.mail.host=localhost");
            command.add("--spring.mail.port=" + ports.get("smtp"));
            // Every test person signs in from this one address; the limit itself has its own test.
            command.add("--mhc.gateway.rate-limits.sign-in-per-minute=500");
            // The browser tests open every page, one after another, from this one address too.
            command.add("--mhc.gateway.rate-limits.api-per-minute=5000");
            command.add("--mhc.gateway.identity.bootstrap-admins=" + EDITOR_EMAIL);
            command.add("--mhc.gateway.services.content=" + url("content-service", ""));
            command.add("--mhc.gateway.services.journal=" + url("journal-service", ""));
            command.add("--mhc.gateway.services.reminder=" + url("reminder-service", ""));
        }
        if (service.equals("journal-service")) {
            // No master key is configured here, as in the embedded default: one is generated into the data directory.
            command.add("--mhc.journal.support.content-url=" + url("content-service", ""));
        }
        if (service.equals("reminder-service")) {
            // As in run.sh: reminders reach receivers on this machine, and mail goes to devstack's catcher.
            command.add("--mhc.reminder.delivery.allow-loopback-webhooks=true");
            command.add("--spring.mail.host=localhost");
            command.add("--spring.mail.port=" + ports.get("smtp"));
            command.add("--mhc.reminder.public-url=" + gateway());
        }
        launch(name, new ProcessBuilder(command));
    }

    private void launch(String name, ProcessBuilder builder) {
        Path log = logs.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(dataDir.toFile());
        try {
            processes.put(name, builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
    }

    private void awaitReady(String name, String url) {
        Process process = processes.get(name);
        await(name + " ready at " + url).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + "; see " + logs.resolve(name + ".log"));
                    }
                    return status(url) == 200;
                });
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A service's own address, for what is not routed through the gateway (its health, say). */
    String serviceUrl(String service, String path) {
        return url(service, path);
    }

    private String url(String service, String path) {
        return "http://localhost:" + ports.get(service) + path;
    }

    /**
     * A path on a service's (or instance's) management port, where actuator answers in full: health details,
     * {@code /actuator/metrics}, {@code /actuator/prometheus}.
     */
    String managementUrl(String service, String path) {
        return "http://127.0.0.1:" + ports.get(service + MANAGEMENT) + path;
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the modules first (./mvnw verify builds them): missing " + jar);
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // Services first, devstack last, as run.sh does, so consumers can leave their groups cleanly.
        Process devstack = processes.remove("devstack");
        processes.values().forEach(Process::destroy);
        for (Process service : processes.values()) {
            awaitExit(service);
        }
        if (devstack != null) {
            devstack.destroy();
            awaitExit(devstack);
        }
    }

    private static void awaitExit(Process process) throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
