package org.mhconnect.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.springframework.core.env.Environment;

/**
 * Every service's MongoDB client fails fast instead of hanging a request: it waits at most
 * {@code mhc.mongodb.server-selection-timeout} (3 s) for a reachable server, {@code mhc.mongodb.connect-timeout}
 * (2 s) to connect, and {@code mhc.mongodb.read-timeout} (5 s) for a reply, after which the driver retries a read
 * once. A request that meets a database that is away answers 503 with {@code Retry-After} (the services' problem
 * handlers), never a hang and never a 500. Options in {@code spring.mongodb.uri} ({@code socketTimeoutMS} and so on)
 * are applied after these and win.
 */
public final class MongoClientTimeouts {

    private final Duration serverSelection;
    private final Duration connect;
    private final Duration read;

    MongoClientTimeouts(Environment environment) {
        this.serverSelection = environment.getProperty("mhc.mongodb.server-selection-timeout", Duration.class, Duration.ofSeconds(3));
        this.connect = environment.getProperty("mhc.mongodb.connect-timeout", Duration.class, Duration.ofSeconds(2));
        this.read = environment.getProperty("mhc.mongodb.read-timeout", Duration.class, Duration.ofSeconds(5));
    }

    void applyTo(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS));
    }
}
