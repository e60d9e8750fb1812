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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules in {@code deploy/observability/prometheus/rules}: valid for Prometheus, each one tested by
 * {@code promtool test rules} both firing and staying quiet, and each one telling the person it wakes what to do.
 */
class AlertRulesTest {

    static final Path RULES = Promtool.OBSERVABILITY.resolve("prometheus/rules");
    static final Path TESTS = Promtool.OBSERVABILITY.resolve("prometheus/tests");
    static final Path OPERATIONS = Promtool.ROOT.resolve("docs/operations.md");

    @Test
    void rulesAreValidForPrometheus() throws Exception {
        Promtool.Result result = Promtool.run(arguments("check", "rules", RULES));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyUnitTestOfTheRulesPasses() throws Exception {
        Promtool.Result result = Promtool.run(arguments("test", "rules", TESTS));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theScrapeConfigIsValidForPrometheus() throws Exception {
        Promtool.Result result = Promtool.run("check", "config", "prometheus/prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyAlertIsTestedFiringAndStayingQuiet() throws Exception {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Map<String, Object> test : unitTests()) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                String alert = (String) check.get("alertname");
                (list(check.get("exp_alerts")).isEmpty() ? quiet : firing).add(alert);
            }
        }

        assertThat(alertNames()).isNotEmpty().allSatisfy(alert -> {
            assertThat(firing).as("alerts with a test where they fire").contains(alert);
            assertThat(quiet).as("alerts with a test where they stay quiet").contains(alert);
        });
    }

    @Test
    void everyAlertSaysHowBadItIsWhatHappenedAndWhereItsRunbookIs() throws Exception {
        String operations = Files.readString(OPERATIONS);

        assertThat(alertRules()).isNotEmpty().allSatisfy(rule -> {
            Map<String, Object> labels = map(rule.get("labels"));
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(labels.get("severity")).as(rule.get("alert") + " severity").isIn("page", "ticket");
            assertThat(annotations).as(rule.get("alert") + " annotations")
                    .containsKeys("summary", "description", "runbook_url");
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).startsWith("docs/operations.md#");
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertThat(operations).as("docs/operations.md has a section for " + rule.get("alert"))
                    .containsPattern("(?m)^#{2,4} " + Pattern.quote((String) rule.get("alert")) + "$");
            assertThat(anchor).isEqualTo(((String) rule.get("alert")).toLowerCase());
        });
    }

    private static String[] arguments(String command, String subcommand, Path directory) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(command, subcommand));
        yamlFiles(directory).forEach(file -> arguments.add(Promtool.OBSERVABILITY.relativize(file).toString()));
        return arguments.toArray(String[]::new);
    }

    static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : yamlFiles(RULES)) {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            for (Map<String, Object> group : list(document.get("groups"))) {
                list(group.get("rules")).stream().filter(rule -> rule.containsKey("alert")).forEach(rules::add);
            }
        }
        return rules;
    }

    private static List<String> alertNames() throws IOException {
        return alertRules().stream().map(rule -> (String) rule.get("alert")).toList();
    }

    private static List<Map<String, Object>> unitTests() throws IOException {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Path file : yamlFiles(TESTS)) {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            tests.addAll(list(document.get("tests")));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
