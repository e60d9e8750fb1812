package org.mhconnect.devstack;

/**
 * What a fault test may do to devstack while the services run: take MongoDB away and bring it back on the same port
 * and data, and restart Kafka on the same port and log. Reached through the mail viewer's port
 * ({@code POST /control/mongodb/stop}, {@code /control/mongodb/start}, {@code /control/kafka/restart}) only when
 * {@code DEVSTACK_FAULT_CONTROL=true}.
 */
interface FaultControl {

    void stopMongo();

    void startMongo();

    void restartKafka();
}
