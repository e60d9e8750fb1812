package org.mhconnect.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller), started in-process
 * from Maven Central's Kafka artifacts: the same {@code KafkaRaftServer} that Kafka's own start script runs.
 *
 * <p>With a data directory the log survives restarts (the directory is formatted once); without one it lives
 * in a temporary folder that is removed on close. Topics are not created here: each service creates the
 * topics it owns.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryLogDir;

    private EmbeddedKafka(Path logDir, int port, boolean temporary) {
        int clientPort = port > 0 ? port : freePort();
        int controllerPort = freePort();
        this.bootstrapServers = "localhost:" + clientPort;
        this.temporaryLogDir = temporary ? logDir : null;
        KafkaConfig config = new KafkaConfig(brokerProperties(logDir, clientPort, controllerPort), false);
        format(logDir);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitBroker();
    }

    /** Starts on a fixed client port, keeping its log in {@code logDir} across restarts. */
    public static EmbeddedKafka onPort(Path logDir, int port) {
        return new EmbeddedKafka(logDir, port, false);
    }

    /** Starts on a free port with a temporary log; for tests. */
    public static EmbeddedKafka onFreePort() {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("mhc-kafka-"), 0, true);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create a temporary folder for Kafka", ex);
        }
    }

    /** For example {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static Map<String, Object> brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // Services own their topics; an unknown topic name is a bug, not a request to create one.
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");
        return props;
    }

    /** Formats the log directory on first use; a formatted one is left as it is. */
    private static void format(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path clusterIdFile = logDir.resolve("mhc-cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
            }
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Files.readString(clusterIdFile).trim())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .run();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot format Kafka's log directory " + logDir + ": " + ex.getMessage(), ex);
        }
    }

    private void awaitBroker() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Kafka did not become ready at " + bootstrapServers, ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port for Kafka", ex);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryLogDir != null) {
            deleteRecursively(temporaryLogDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not remove Kafka's temporary log " + dir, ex);
        }
    }
}
