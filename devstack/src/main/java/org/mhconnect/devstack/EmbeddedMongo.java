package org.mhconnect.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server). With a data directory it keeps its data in an H2
 * MVStore file, so that a second start finds it again; without one it lives in memory.
 *
 * <p>Known limits, which the services are designed around: no transactions, no {@code $text}, and only
 * unique indexes are used (other indexes are accepted and ignored, so such queries scan).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(H2Backend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.server.bind(host, port);
        this.connectionString = "mongodb://" + host + ":" + server.getLocalAddress().getPort();
    }

    /** Starts on a fixed port with data kept in {@code dataDir/mongo.mv}. */
    public static EmbeddedMongo onDisk(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the MongoDB data folder " + dataDir, ex);
        }
        return new EmbeddedMongo(new HelloAnsweringH2Backend(dataDir.resolve("mongo.mv").toString()), "127.0.0.1", port);
    }

    /** Starts in memory on a free port; for tests. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new HelloAnsweringH2Backend(MVStore.open(null)), "127.0.0.1", 0);
    }

    /** For example {@code mongodb://127.0.0.1:27017}; append a database name to use one. */
    public String connectionString() {
        return connectionString;
    }

    MongoBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
