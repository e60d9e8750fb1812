package org.mhconnect.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Real Kafka and MongoDB in containers, for machines with a Docker engine. Images are pinned. */
final class ContainerInfrastructure implements Infrastructure, AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0.15";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new ContainerInfrastructure(kafka, mongo);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        // The replica-set URL names the "test" database; the services name their own.
        return mongo.getReplicaSetUrl().replaceFirst("/test(\\?|$)", "/$1");
    }

    @Override
    public String description() {
        return "containers " + KAFKA_IMAGE + " and " + MONGO_IMAGE;
    }

    @Override
    public void close() {
        kafka.stop();
        mongo.stop();
    }
}
