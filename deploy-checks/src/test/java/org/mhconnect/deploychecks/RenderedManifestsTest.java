package org.mhconnect.deploychecks;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each overlay renders with kubectl kustomize, and every object in it fits its API model exactly. */
class RenderedManifestsTest {

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @Test
    void thereIsADevAndAProductionOverlay() {
        assertThat(overlays()).contains("dev", "production");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyRenderedObjectFitsItsApiModelWithNoUnknownField(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            try {
                ApiModel.read(object);
            }
            catch (AssertionError problem) {
                problems.add(problem.getMessage());
            }
        }
        assertThat(objects).as("objects rendered from overlays/%s", overlay).isNotEmpty();
        assertThat(problems).as("objects of overlays/%s that do not fit their API model", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyKindTheSystemNeedsIsThere(String overlay) {
        List<String> kinds = Kustomize.render(overlay).stream().map(object -> object.path("kind").asText()).toList();
        assertThat(kinds).as("kinds rendered from overlays/%s", overlay).contains("Deployment", "Service",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ScaledObject", "NetworkPolicy", "Ingress", "Kafka",
                "KafkaNodePool", "KafkaTopic", "MongoDBCommunity");
    }
}
