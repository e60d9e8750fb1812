package org.mhconnect.devstack;

import java.time.Duration;

/**
 * What a fault test may do to devstack while the services run: take MongoDB away and bring it back on the same port
 * and data, and restart Kafka on the same port and log. Reached through the mail viewer's port
 * ({@code POST /control/mongodb/stop}, {@code /control/mongodb/start}, {@code /control/kafka/restart}, with {@code ?away=<seconds>} to keep the broker away for a while) only when
 * {@code DEVSTACK_FAULT_CONTROL=true}.
 */
interface FaultControl {

    void stopMongo();

    void startMongo();

    /** Stops Kafka, keeps it away for {@code away} (zero: starts it again at once), then starts it on the same port and log. */
    void restartKafka(Duration away);
}
