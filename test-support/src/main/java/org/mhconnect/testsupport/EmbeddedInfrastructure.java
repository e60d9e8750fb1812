package org.mhconnect.testsupport;

import org.mhconnect.devstack.EmbeddedKafka;
import org.mhconnect.devstack.EmbeddedMongo;

/** devstack's building blocks on free ports: real Kafka (KRaft) and mongo-java-server in memory. */
final class EmbeddedInfrastructure implements Infrastructure, AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static EmbeddedInfrastructure start() {
        return new EmbeddedInfrastructure(EmbeddedKafka.onFreePort(), EmbeddedMongo.inMemory());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * With a socket timeout, a reply that never comes fails the read after a few seconds instead of hanging it,
     * and the driver retries a read once. Seen in CI: one request in a few hundred stalled with none.
     */
    @Override
    public String mongoUri() {
        return mongo.connectionString() + "/?socketTimeoutMS=5000";
    }

    @Override
    public String description() {
        return "embedded Kafka (KRaft) at " + kafkaBootstrapServers() + " and mongo-java-server at " + mongoUri();
    }

    @Override
    public void close() throws Exception {
        try {
            kafka.close();
        }
        finally {
            mongo.close();
        }
    }
}
