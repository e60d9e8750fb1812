package org.mhconnect.operations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the meters that must ask something (a MongoDB count, Kafka's committed offsets) on one background thread,
 * every few seconds, so no request ever waits for a metric and a scrape only reads the last sample.
 */
public final class Sampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sampler.class);

    private final Duration interval;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService executor;

    private record Task(String name, Runnable sample) {
    }

    public Sampler(Duration interval) {
        this.interval = interval;
    }

    /** Adds a sample to take every interval; a failing sample is logged briefly and keeps its last value. */
    public void every(String name, Runnable sample) {
        tasks.add(new Task(name, sample));
    }

    /** Takes every sample once, now; for tests and for the first value at start. */
    public void sampleNow() {
        for (Task task : tasks) {
            try {
                task.sample().run();
            }
            catch (RuntimeException ex) {
                log.debug("Sample {} failed: {}", task.name(), ex.toString());
            }
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mhc-metrics").factory());
        executor.scheduleWithFixedDelay(this::sampleNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
