package org.mhconnect.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboards in {@code deploy/observability/grafana/dashboards}: each loads (a unique uid, panels
 * that do not overlap ids), asks a provisioned data source, and every query is valid PromQL, which promtool
 * checks by reading the queries as recording rules.
 */
class DashboardsTest {

    static final Path GRAFANA = Promtool.OBSERVABILITY.resolve("grafana");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thereIsAnOverviewAndOneDashboardEachForRemindersJournalAndTheEdge() throws Exception {
        assertThat(dashboards().stream().map(dashboard -> dashboard.get("uid").asString()))
                .containsExactlyInAnyOrder("mhc-overview", "mhc-reminders", "mhc-journal", "mhc-edge");
    }

    @Test
    void everyPanelHasAUniqueIdAndATitle() throws Exception {
        assertThat(dashboards()).allSatisfy(dashboard -> {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).as(dashboard.get("uid") + " panel id " + panel.get("id"))
                        .isTrue();
                assertThat(panel.get("title").asString()).isNotBlank();
            }
        });
    }

    @Test
    void everyQueryAsksAProvisionedDataSource() throws Exception {
        Set<String> provisioned = provisionedDataSourceUids();

        assertThat(provisioned).contains("prometheus", "jaeger");
        assertThat(queryPanels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.get("datasource").get("uid").asString()).isIn(provisioned);
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("datasource").get("uid").asString()).isIn(provisioned);
            }
        });
    }

    @Test
    void everyQueryIsValidPromQl(@TempDir Path scratch) throws Exception {
        // Grafana fills in $__rate_interval and the variables; any duration and any label value stand in for them.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int count = 0;
        for (JsonNode panel : queryPanels()) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString().replace("$__rate_interval", "5m")
                        .replace("$application", "gateway");
                rules.append("      - record: dashboard:query:").append(count++).append('\n')
                        .append("        expr: ").append(json.writeValueAsString(expr)).append('\n');
            }
        }
        Path file = scratch.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        Promtool.Result result = Promtool.run("check", "rules", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(count + " rules found");
    }

    @Test
    void grafanaLoadsTheDashboardsFromTheDirectoryComposeMountsThemIn() throws Exception {
        Map<String, Object> provisioning = new Yaml()
                .load(Files.readString(GRAFANA.resolve("provisioning/dashboards/dashboards.yml")));
        @SuppressWarnings("unchecked")
        var provider = ((List<Map<String, Map<String, Object>>>) provisioning.get("providers")).getFirst();
        String compose = Files.readString(Promtool.ROOT.resolve("docker-compose.yml"));

        assertThat(compose).contains("./deploy/observability/grafana/dashboards:" + provider.get("options").get("path"));
    }

    List<JsonNode> dashboards() throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(json.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    private List<JsonNode> queryPanels() throws IOException {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.get("panels")) {
                if (!panel.get("type").asString().equals("row")) {
                    panels.add(panel);
                }
            }
        }
        return panels;
    }

    private static Set<String> provisionedDataSourceUids() throws IOException {
        Map<String, Object> provisioning = new Yaml()
                .load(Files.readString(GRAFANA.resolve("provisioning/datasources/datasources.yml")));
        @SuppressWarnings("unchecked")
        var sources = (List<Map<String, Object>>) provisioning.get("datasources");
        Set<String> uids = new HashSet<>();
        sources.forEach(source -> uids.add((String) source.get("uid")));
        return uids;
    }
}
