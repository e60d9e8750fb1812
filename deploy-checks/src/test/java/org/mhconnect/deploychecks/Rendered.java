package org.mhconnect.deploychecks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** One rendered overlay, its objects read into their models, with the look-ups the rules need. */
record Rendered(String overlay, List<JsonNode> trees, List<Object> objects) {

    static Rendered of(String overlay) {
        List<JsonNode> trees = Kustomize.render(overlay);
        return new Rendered(overlay, trees, trees.stream().map(ApiModel::read).toList());
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources without a Java model (KEDA, MongoDB), as trees. */
    List<JsonNode> trees(String kind) {
        return trees.stream().filter(tree -> tree.path("kind").asText().equals(kind)).toList();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<PodDisruptionBudget> budgets() {
        return all(PodDisruptionBudget.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return all(HorizontalPodAutoscaler.class);
    }

    List<KafkaTopic> topics() {
        return all(KafkaTopic.class);
    }

    Optional<KafkaTopic> topic(String name) {
        return topics().stream().filter(topic -> name.equals(topic.getSpec().getTopicName())).findFirst();
    }

    Optional<Deployment> deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    /** Kafka nodes that hold partitions. */
    int brokers() {
        return all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
    }

    /** A plain environment value of a Deployment's first container, if it sets one. */
    static Optional<String> env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(variable -> variable.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    /** Whether a label selector (matchLabels only, as ours are) selects the pods of a Deployment. */
    static boolean selects(LabelSelector selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> wanted = selector.getMatchLabels();
        return wanted != null && !wanted.isEmpty() && (selector.getMatchExpressions() == null
                || selector.getMatchExpressions().isEmpty())
                && wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
