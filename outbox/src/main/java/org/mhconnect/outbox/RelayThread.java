package org.mhconnect.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The relay's own thread, shared by both outboxes: at start the collection's {@code stagedAt} index (the relay's scan
 * reads it; a real MongoDB uses it, mongo-java-server scans the few pending entries), then a pass every
 * {@code every} until stopped. A pass that fails (MongoDB away) is logged and the next one tries again.
 */
final class RelayThread {

    private static final Logger log = LoggerFactory.getLogger(RelayThread.class);

    private final MongoTemplate mongo;
    private final String collection;
    private final Duration every;
    private final Runnable pass;
    private volatile ScheduledExecutorService relayer;
    private volatile boolean running;

    RelayThread(MongoTemplate mongo, String collection, Duration every, Runnable pass) {
        this.mongo = mongo;
        this.collection = collection;
        this.every = every;
        this.pass = pass;
    }

    void start() {
        mongo.indexOps(collection).createIndex(new Index("stagedAt", Sort.Direction.ASC));
        running = true;
        if (!every.isZero()) {
            relayer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("outbox-relay-" + collection).daemon().factory());
            relayer.scheduleWithFixedDelay(this::passQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void passQuietly() {
        try {
            pass.run();
        }
        catch (RuntimeException ex) {
            // Nothing is lost: what waits stays in the collection for the next pass.
            log.warn("Outbox relay pass over {} failed: {}", collection, ex.getMessage());
        }
    }

    void stop() {
        running = false;
        ScheduledExecutorService scheduled = relayer;
        relayer = null;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
    }

    boolean isRunning() {
        return running;
    }
}
