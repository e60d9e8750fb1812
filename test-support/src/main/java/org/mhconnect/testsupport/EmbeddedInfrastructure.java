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
     * The plain address: a reply that never comes fails the read after the services' own read timeout (operations'
     * {@code MongoClientTimeouts}, 5 s), and the driver retries a read once, as in production.
     */
    @Override
    public String mongoUri() {
        return mongo.connectionString();
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
