package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file, checked without a Docker engine: {@code docker-compose config} validates it, and the
 * rules that make {@code --scale} and reproducible builds work are read from the file itself.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    @Test
    void validatesWithDockerCompose() throws Exception {
        Prerequisite.DOCKER_COMPOSE.requireFor("the compose file's validation");

        Process check = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void hasNoKeyTwice() throws Exception {
        // docker-compose (like most YAML readers) silently keeps the last of two equal keys; that hides mistakes.
        LoaderOptions strict = new LoaderOptions();
        strict.setAllowDuplicateKeys(false);
        strict.setMergeOnCompose(true);

        assertThatCode(() -> new Yaml(strict).load(Files.readString(COMPOSE))).doesNotThrowAnyException();
    }

    @Test
    void theDockerfileBuildsEveryModuleOfTheReactor() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        var modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")))
                .results().map(match -> match.group(1)).toList();

        assertThat(modules).isNotEmpty().allSatisfy(module -> {
            assertThat(dockerfile).contains("COPY " + module + "/pom.xml " + module + "/");
            // Test-only modules (system-tests, observability-checks) have no main sources to copy.
            if (Files.isDirectory(ROOT.resolve(module).resolve("src/main"))) {
                assertThat(dockerfile).contains("COPY " + module + "/src/main " + module + "/src/main");
            }
        });
    }

    @Test
    void pinsEveryImageToAVersion() throws Exception {
        var images = Pattern.compile("^\\s*image:\\s*(\\S+)", Pattern.MULTILINE).matcher(Files.readString(COMPOSE))
                .results().map(match -> match.group(1)).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            assertThat(image).contains(":");
            assertThat(image).doesNotEndWith(":latest");
            // A version, not a moving name such as :stable or :main.
            assertThat(image.substring(image.lastIndexOf(':') + 1)).as(image).matches("v?\\d+(\\.\\d+)+\\S*");
        });
    }

    @Test
    void mountsOnlyFilesThatExist() throws Exception {
        var mounts = Pattern.compile("^\\s*-\\s*(\\./[^:\\s]+):", Pattern.MULTILINE).matcher(Files.readString(COMPOSE))
                .results().map(match -> match.group(1)).toList();

        assertThat(mounts).isNotEmpty().allSatisfy(mount -> assertThat(ROOT.resolve(mount)).exists());
    }

    @Test
    void everyServiceSendsItsSpansToTheCollectorAndIsScrapedOnItsManagementPort() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        Map<String, Object> services = child(compose, "services");
        String scrapeConfig = Files.readString(ROOT.resolve("deploy/observability/prometheus/prometheus.yml"));

        assertThat(services).containsKeys("otel-collector", "jaeger", "prometheus", "grafana");
        assertThat(RunningSystem.SERVICES).allSatisfy(service -> {
            Map<String, Object> environment = child(child(services, service), "environment");
            assertThat(environment).as(service).containsEntry("MHC_OTLP_ENDPOINT", "http://otel-collector:4318/v1/traces")
                    .containsEntry("MANAGEMENT_SERVER_PORT", "9090");
            assertThat(scrapeConfig).as("prometheus.yml scrapes " + service).contains(service);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @Test
    void namesNoContainerSoServicesCanScaleOut() throws Exception {
        assertThat(Files.readAllLines(COMPOSE)).noneMatch(line -> line.strip().startsWith("container_name:"));
    }
}
