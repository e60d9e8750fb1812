package org.mhconnect.systemtests;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Tries a port every 50 ms and notes each refusal: whether, and for how long, a server (the broker) was away. */
final class PortWatch implements Runnable {

    final int port;
    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Instant> refused = new CopyOnWriteArrayList<>();

    PortWatch(int port) {
        this.port = port;
    }

    double awaySeconds() {
        return refused.isEmpty() ? 0 : Duration.between(refused.getFirst(), refused.getLast()).toMillis() / 1000.0;
    }

    @Override
    public void run() {
        while (running.get()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 200);
            }
            catch (java.io.IOException ex) {
                refused.add(Instant.now());
            }
            try {
                Thread.sleep(50); // The pace of the probe.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
