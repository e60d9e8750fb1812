package org.mhconnect.testsupport;

/** Kafka and MongoDB as a test sees them: two addresses, whatever runs behind them. */
public interface Infrastructure {

    /** For {@code spring.kafka.bootstrap-servers}. */
    String kafkaBootstrapServers();

    /** For {@code spring.mongodb.uri}, without a database name: each service names its own. */
    String mongoUri();

    /** What runs behind the addresses, for test reports. */
    String description();
}
