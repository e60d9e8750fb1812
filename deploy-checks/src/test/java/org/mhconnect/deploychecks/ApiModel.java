package org.mhconnect.deploychecks;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Reads a rendered object strictly into its API model: fabric8's Kubernetes model for the built-in kinds,
 * Strimzi's own model for Kafka, KafkaNodePool and KafkaTopic, and the CRD's schema ({@link CrdSchemas}) for KEDA
 * and the MongoDB Community Operator, which publish no Java model. A field the model does not know fails, as
 * does a kind this project has no model for.
 *
 * <p>Both model families catch unknown fields in an {@code additionalProperties} map (a Jackson any-setter), so
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} alone would let a misspelt field through: the any-setters are switched off.
 */
final class ApiModel {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    static final Map<String, String> CRD_SCHEMAS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", "crds/keda.sh_scaledobjects.yaml",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "crds/mongodbcommunity.mongodb.com_mongodbcommunity.yaml");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // A Map getter must not stand in for a setter: 'additionalProperties' is not a field of any object.
            .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    /** {@code kind/name} of an object, for messages. */
    static String describe(JsonNode object) {
        return object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** The object read into its model, or an AssertionError that names the object and the offending field. */
    static Object read(JsonNode object) {
        String type = type(object);
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                return STRICT.treeToValue(object, model);
            }
            catch (UnrecognizedPropertyException ex) {
                throw new AssertionError(describe(object) + ": unknown field '" + ex.getPropertyName() + "' at "
                        + path(ex) + " (" + model.getSimpleName() + " has no such field)");
            }
            catch (Exception ex) {
                throw new AssertionError(describe(object) + " does not fit " + model.getName() + ": "
                        + ex.getMessage().lines().findFirst().orElse(""));
            }
        }
        String schema = CRD_SCHEMAS.get(type);
        if (schema != null) {
            CrdSchemas.validate(schema, object);
            return object;
        }
        throw new AssertionError(describe(object) + ": no API model for " + type
                + " (add its model to ApiModel, or its CRD schema to src/test/resources/crds)");
    }

    private static String path(UnrecognizedPropertyException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(reference -> path.append(reference.getFieldName() != null
                ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]"));
        return path.isEmpty() ? "." : path.toString();
    }

    private ApiModel() {
    }
}
