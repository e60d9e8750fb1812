package org.mhconnect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's two ports as an operator sees them: the public one, which answers health status and nothing else of
 * actuator, and the management one, which Prometheus scrapes. Every service's {@code OperatorMetricsTest} asks its
 * questions through this, so the operability contract is written once.
 *
 * @param application the {@code application} tag every series must carry
 */
public record OperatorPorts(String application, int publicPort, int managementPort) {

    /** What every service exposes, whatever else it has: requests, the JVM, MongoDB, Kafka's lag and readiness. */
    public static final List<String> EVERY_SERVICE = List.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage", "mongodb_driver_pool_size", "mhc_outbox_backlog", "mhc_outbox_oldest_age_seconds",
            "mhc_kafka_consumer_lag", "mhc_kafka_dead_letters_total", "mhc_readiness");

    public String publicUrl(String path) {
        return "http://localhost:" + publicPort + path;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Scrape scrape() {
        return Scrape.of(managementUrl());
    }

    /**
     * After one request to {@code publicPath} (so the request metrics exist), every metric of {@link #EVERY_SERVICE}
     * and of {@code ownMetrics} is scraped from the management port, tagged with this application only, and the
     * service says it is ready. Returns the scrape for the service's own questions.
     */
    public Scrape assertContract(String publicPath, List<String> ownMetrics) {
        Scrape.get(publicUrl(publicPath));
        Scrape scrape = scrape();
        List<String> contract = new ArrayList<>(EVERY_SERVICE);
        contract.addAll(ownMetrics);
        assertThat(contract).allSatisfy(name -> assertThat(scrape.applications(name)).as(name)
                .isNotEmpty().containsOnly(application));
        assertThat(scrape.value("mhc_readiness")).contains(1.0);
        return scrape;
    }

    /** The public port answers health status and probes, never metrics; the management port has the details. */
    public void assertPublicPortAnswersHealthStatusOnly() {
        assertThat(Scrape.get(publicUrl("/actuator/health")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/health/readiness")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(Scrape.get(publicUrl("/actuator/prometheus")).statusCode()).isIn(401, 404);
        assertThat(Scrape.get(publicUrl("/actuator/metrics")).statusCode()).isIn(401, 404);
        assertThat(Scrape.get(managementUrl() + "/actuator/health").body()).contains("\"components\"");
    }
}
