package org.mhconnect.deploychecks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhconnect.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics are declared as KafkaTopic resources, and the numbers that must agree do: each topic's partitions with
 * the setting its owning service creates it with, replicas with the brokers there are, and reminder-service's
 * autoscaling ceiling with the partitions of the topics it scales on.
 */
class KafkaTopicsTest {

    /** The configuration prefix of each owning service's topic settings (mhc.<service>.topics.*). */
    private static final Map<String, String> SETTINGS = Map.of(
            "gateway", "MHC_GATEWAY_TOPICS_",
            "content-service", "MHC_CONTENT_TOPICS_",
            "journal-service", "MHC_JOURNAL_TOPICS_",
            "reminder-service", "MHC_REMINDER_TOPICS_");

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicTheServicesNameHasAKafkaTopic(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<String> missing = topicNames().stream().filter(name -> rendered.topic(name).isEmpty()).toList();
        assertThat(missing).as("topics in org.mhconnect.events.Topics with no KafkaTopic in overlays/%s", overlay)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicHasItsOwnersPartitionsAndReplicasAndFitsTheBrokers(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        int brokers = rendered.brokers();
        List<String> breaches = new ArrayList<>();
        for (KafkaTopic topic : rendered.topics()) {
            String name = topic.getSpec().getTopicName();
            String owner = topic.getMetadata().getLabels().get("mhc.io/owner");
            Deployment deployment = owner == null ? null : rendered.deployment(owner).orElse(null);
            if (deployment == null || !SETTINGS.containsKey(owner)) {
                breaches.add(name + ": label mhc.io/owner '" + owner + "' names no service Deployment");
                continue;
            }
            compare(breaches, name, "partitions", topic.getSpec().getPartitions(), deployment,
                    SETTINGS.get(owner) + "PARTITIONS");
            compare(breaches, name, "replicas", topic.getSpec().getReplicas(), deployment,
                    SETTINGS.get(owner) + "REPLICAS");
            if (topic.getSpec().getReplicas() > brokers) {
                breaches.add(name + ": " + topic.getSpec().getReplicas() + " replicas but only " + brokers + " brokers");
            }
        }
        rendered.deployment("reminder-service").flatMap(d -> Rendered.env(d, "SPRING_KAFKA_STREAMS_REPLICATIONFACTOR"))
                .filter(factor -> Integer.parseInt(factor) > brokers)
                .ifPresent(factor -> breaches.add("Kafka Streams replication factor " + factor + " > " + brokers + " brokers"));
        assertThat(breaches).as("topics of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void brokersKeepCommittedRecordsWhenOneIsDown(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, Object> config = rendered.all(Kafka.class).getFirst().getSpec().getKafka().getConfig();
        int minInSync = Integer.parseInt(String.valueOf(config.get("min.insync.replicas")));
        int brokers = rendered.brokers();
        assertThat(config.get("auto.create.topics.enable")).as("auto.create.topics.enable in overlays/%s", overlay)
                .isEqualTo(false);
        if (brokers > 1) {
            assertThat(minInSync).as("min.insync.replicas with %d brokers in overlays/%s", brokers, overlay)
                    .isGreaterThan(1).isLessThan(brokers);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void reminderServiceScalesNoFurtherThanThePartitionsOfTheTopicsItScalesOn(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<JsonNode> scaledObjects = rendered.trees("ScaledObject").stream()
                .filter(so -> so.at("/spec/scaleTargetRef/name").asText().equals("reminder-service")).toList();
        assertThat(scaledObjects).as("ScaledObjects for reminder-service in overlays/%s", overlay).hasSize(1);
        JsonNode scaledObject = scaledObjects.getFirst();
        int max = scaledObject.at("/spec/maxReplicaCount").asInt();
        List<String> breaches = new ArrayList<>();
        for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
            String topicName = trigger.at("/metadata/topic").asText();
            KafkaTopic topic = rendered.topic(topicName).orElse(null);
            if (topic == null) {
                breaches.add("trigger on '" + topicName + "', which has no KafkaTopic");
            }
            else if (topic.getSpec().getPartitions() != max) {
                breaches.add("maxReplicaCount " + max + " but " + topicName + " has " + topic.getSpec().getPartitions()
                        + " partitions");
            }
        }
        assertThat(breaches).as("reminder-service autoscaling in overlays/%s", overlay).isEmpty();
        assertThat(scaledObject.at("/spec/triggers/0/metadata/topic").asText()).isEqualTo(Topics.REMINDERS_DUE);
        assertThat(scaledObject.at("/spec/triggers/0/metadata/consumerGroup").asText()).isEqualTo("reminder-dispatcher");
    }

    private static void compare(List<String> breaches, String topic, String what, int declared, Deployment owner,
            String variable) {
        String configured = Rendered.env(owner, variable).orElse(null);
        if (configured == null || Integer.parseInt(configured) != declared) {
            breaches.add(topic + ": " + declared + " " + what + ", but " + owner.getMetadata().getName() + " has "
                    + variable + "=" + configured + " (its NewTopic beans would ask for that)");
        }
    }

    /** The topic names in org.mhconnect.events.Topics. */
    private static List<String> topicNames() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(KafkaTopicsTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
