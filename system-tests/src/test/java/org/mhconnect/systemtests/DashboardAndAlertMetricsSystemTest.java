package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every metric a Grafana dashboard or an alert rule in {@code deploy/observability} asks for exists in the running
 * system: a renamed meter would otherwise leave an empty panel, or an alert that can never fire, and nobody would
 * notice until the night it mattered.
 */
class DashboardAndAlertMetricsSystemTest {

    static final Path OBSERVABILITY = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize()
            .resolve("deploy/observability");

    /** Series Prometheus makes itself for every target; no service exposes them. */
    static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static RunningSystem system;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws IOException {
        system = RunningSystem.shared();
    }

    @Test
    void everyMetricInADashboardOrAnAlertRuleIsExposedBySomeService() throws Exception {
        Map<String, Set<String>> wanted = wantedMetrics();
        assertThat(wanted).as("metric names read from deploy/observability").hasSizeGreaterThan(20);

        // Meters made on first use (the HTTP timer, the MongoDB driver's) may need a moment after start-up.
        await("every dashboard and alert metric exposed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                    Set<String> exposed = exposedMetrics();
                    Map<String, Set<String>> missing = new TreeMap<>(wanted);
                    missing.keySet().removeAll(exposed);
                    assertThat(missing).as("metrics no service exposes, each with where it is used").isEmpty();
                });
    }

    /** Each metric name, with the dashboards and rule files that use it. */
    private static Map<String, Set<String>> wantedMetrics() throws IOException {
        Map<String, Set<String>> wanted = new TreeMap<>();
        for (Path file : files("prometheus/rules", ".yml")) {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            for (Map<String, Object> group : list(document.get("groups"))) {
                for (Map<String, Object> rule : list(group.get("rules"))) {
                    String where = file.getFileName() + " " + rule.getOrDefault("alert", rule.get("record"));
                    note(wanted, (String) rule.get("expr"), where);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Path file : files("grafana/dashboards", ".json")) {
            for (JsonNode panel : json.readTree(file.toFile()).get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    note(wanted, target.get("expr").asString(), file.getFileName() + " " + panel.get("title").asString());
                }
            }
        }
        wanted.keySet().removeAll(MADE_BY_PROMETHEUS);
        return wanted;
    }

    private static void note(Map<String, Set<String>> wanted, String expression, String where) {
        PromQl.metricNames(expression).forEach(name -> wanted.computeIfAbsent(name, key -> new TreeSet<>()).add(where));
    }

    /** The names of every sample in every service's scrape. */
    private Set<String> exposedMetrics() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (String service : RunningSystem.SERVICES) {
            HttpResponse<Stream<String>> scrape = http.send(HttpRequest.newBuilder(
                    URI.create(system.managementUrl(service, "/actuator/prometheus"))).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(scrape.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
            scrape.body().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static List<Path> files(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve(directory))) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
