package org.mhconnect.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: Kafka, MongoDB and the mail catcher in one process, on fixed documented ports.
 * {@code ./run.sh} starts it before the services; it stops cleanly on SIGTERM or Ctrl-C.
 */
public final class DevStack implements AutoCloseable, FaultControl {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final AtomicBoolean ready = new AtomicBoolean();
    private MailCatcher mail;
    private MailViewer viewer;
    private EmbeddedMongo mongo;
    private EmbeddedKafka kafka;
    private DevStackSettings settings;

    public static void main(String[] args) throws Exception {
        DevStackSettings settings = DevStackSettings.fromEnvironment();
        requireFreePorts(settings);
        DevStack stack = new DevStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        stack.start(settings);
        stopped.await();
    }

    void start(DevStackSettings settings) throws IOException {
        this.settings = settings;
        mail = MailCatcher.onPort(settings.smtpPort());
        viewer = MailViewer.start(settings.mailUiPort(), mail, ready::get, settings.faultControl() ? this : null);
        mongo = EmbeddedMongo.onDisk(settings.dataDir().resolve("mongo"), settings.mongoPort());
        log.info("MongoDB wire protocol on {} (data in {})", mongo.connectionString(), settings.dataDir().toAbsolutePath());
        kafka = EmbeddedKafka.onPort(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        log.info("Kafka (KRaft) on {}", kafka.bootstrapServers());
        ready.set(true);
        log.info("devstack ready: kafka={} mongodb={} smtp=127.0.0.1:{} mail viewer=http://localhost:{}/",
                kafka.bootstrapServers(), mongo.connectionString(), mail.smtpPort(), viewer.port());
    }

    @Override
    public synchronized void stopMongo() {
        if (mongo != null) {
            mongo.close();
            mongo = null;
            log.warn("MongoDB stopped (fault control)");
        }
    }

    @Override
    public synchronized void startMongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.onDisk(settings.dataDir().resolve("mongo"), settings.mongoPort());
            log.warn("MongoDB started again on {} (fault control)", mongo.connectionString());
        }
    }

    @Override
    public synchronized void restartKafka(Duration away) {
        closeQuietly("Kafka", kafka);
        kafka = null;
        log.warn("Kafka stopped (fault control); it starts again in {} ms", away.toMillis());
        try {
            // A real broker's restart takes a while (shutdown, log recovery): the fault test decides how long.
            Thread.sleep(away.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        kafka = EmbeddedKafka.onPort(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        log.warn("Kafka restarted on {} (fault control)", kafka.bootstrapServers());
    }

    /** Fails before anything starts when a port is taken, naming every taken port. */
    static void requireFreePorts(DevStackSettings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", settings.kafkaPort());
        ports.put("MongoDB", settings.mongoPort());
        ports.put("SMTP", settings.smtpPort());
        ports.put("mail viewer", settings.mailUiPort());
        StringBuilder taken = new StringBuilder();
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                taken.append(System.lineSeparator()).append("  ").append(name).append(" port ").append(port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("devstack cannot start, these ports are taken:" + taken);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        ready.set(false);
        // Reverse order of start: clients of Kafka and MongoDB are gone by now.
        closeQuietly("Kafka", kafka);
        closeQuietly("MongoDB", mongo);
        closeQuietly("mail viewer", viewer);
        closeQuietly("mail catcher", mail);
        log.info("devstack stopped");
    }

    private static void closeQuietly(String name, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        }
        catch (Exception ex) {
            // Shutting down: report and continue, so the other parts still stop and free their ports.
            log.warn("{} did not stop cleanly: {}", name, ex.toString());
        }
    }
}
