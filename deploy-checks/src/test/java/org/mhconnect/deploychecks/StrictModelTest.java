package org.mhconnect.deploychecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model check can fail: a real rendered object with one field misspelt, or a value of the wrong type, is
 * refused with a message naming the object and the field. Kubernetes itself would drop an unknown field
 * silently, and the setting it was meant to carry would never apply.
 */
class StrictModelTest {

    @Test
    void aMisspeltDeploymentFieldIsRefused() {
        ObjectNode deployment = rendered("Deployment", "gateway");
        ((ObjectNode) deployment.get("spec")).put("replica", 2);

        assertThatThrownBy(() -> ApiModel.read(deployment))
                .hasMessageContaining("Deployment/gateway").hasMessageContaining("unknown field 'replica'")
                .hasMessageContaining(".spec.replica");
    }

    @Test
    void aMisspeltSecurityFieldDeepInAContainerIsRefused() {
        ObjectNode deployment = rendered("Deployment", "journal-service");
        ObjectNode security = (ObjectNode) deployment.at("/spec/template/spec/containers/0/securityContext");
        security.put("readOnlyRootFilesytem", true);

        assertThatThrownBy(() -> ApiModel.read(deployment))
                .hasMessageContaining("unknown field 'readOnlyRootFilesytem'")
                .hasMessageContaining(".spec.template.spec.containers[0].securityContext");
    }

    @Test
    void aMisspeltStrimziFieldIsRefused() {
        ObjectNode kafka = rendered("Kafka", "mhc");
        ((ObjectNode) kafka.at("/spec/kafka")).putArray("listner");

        assertThatThrownBy(() -> ApiModel.read(kafka))
                .hasMessageContaining("Kafka/mhc").hasMessageContaining("unknown field 'listner'");
    }

    @Test
    void aKafkaTopicWithTextForPartitionsIsRefused() {
        ObjectNode topic = rendered("KafkaTopic", "mhc.reminders.due");
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve");

        assertThatThrownBy(() -> ApiModel.read(topic)).hasMessageContaining("KafkaTopic/mhc.reminders.due");
    }

    @Test
    void aMisspeltKedaTriggerFieldIsRefusedByTheCrdSchema() {
        ObjectNode scaledObject = rendered("ScaledObject", "reminder-service");
        ((ObjectNode) scaledObject.at("/spec/triggers/0")).putObject("metdata");

        assertThatThrownBy(() -> ApiModel.read(scaledObject))
                .hasMessageContaining("ScaledObject/reminder-service").hasMessageContaining("metdata");
    }

    @Test
    void aKedaReplicaCountThatIsNotANumberIsRefused() {
        ObjectNode scaledObject = rendered("ScaledObject", "reminder-service");
        ((ObjectNode) scaledObject.get("spec")).put("maxReplicaCount", "twelve");

        assertThatThrownBy(() -> ApiModel.read(scaledObject)).hasMessageContaining("maxReplicaCount");
    }

    @Test
    void aMisspeltMongoDbFieldIsRefusedByTheCrdSchema() {
        ObjectNode mongo = rendered("MongoDBCommunity", "mhc-mongodb");
        ((ObjectNode) mongo.get("spec")).put("member", 3);

        assertThatThrownBy(() -> ApiModel.read(mongo))
                .hasMessageContaining("MongoDBCommunity/mhc-mongodb").hasMessageContaining("member");
    }

    @Test
    void aKindWithoutAModelIsRefused() {
        ObjectNode job = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("apiVersion", "batch/v1").put("kind", "CronJob");
        job.putObject("metadata").put("name", "nightly");

        assertThatThrownBy(() -> ApiModel.read(job)).hasMessageContaining("no API model for batch/v1/CronJob");
    }

    @Test
    void theUntouchedObjectsAreAccepted() {
        assertThat(ApiModel.read(rendered("ScaledObject", "reminder-service"))).isNotNull();
        assertThat(ApiModel.read(rendered("MongoDBCommunity", "mhc-mongodb"))).isNotNull();
        assertThat(ApiModel.read(rendered("Deployment", "gateway"))).isNotNull();
    }

    /** A copy of an object of the production overlay, to spoil. */
    private static ObjectNode rendered(String kind, String name) {
        JsonNode found = Kustomize.render("production").stream()
                .filter(object -> object.path("kind").asText().equals(kind)
                        && object.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("production renders no " + kind + "/" + name));
        return (ObjectNode) found.deepCopy();
    }
}
