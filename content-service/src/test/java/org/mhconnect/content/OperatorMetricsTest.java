package org.mhconnect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.Scrape;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operators scrape content-service on its management port: every metric of the operability contract is there from
 * the start, tagged with the application; the public port answers health status and nothing else of actuator.
 */
@ContentIntegrationTest
class OperatorMetricsTest {

    static final List<String> CONTRACT = List.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage", "mongodb_driver_pool_size", "kafka_consumer_fetch_manager_records_lag_max",
            "mhc_outbox_backlog", "mhc_outbox_oldest_age_seconds", "mhc_kafka_consumer_lag",
            "mhc_kafka_dead_letters_total", "mhc_search_latency_seconds_bucket", "mhc_search_latency_seconds_count",
            "mhc_readiness");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape.get(publicUrl("/api/content/items"));
        Scrape scrape = Scrape.of(managementUrl());

        assertThat(CONTRACT).allSatisfy(name -> assertThat(scrape.applications(name)).as(name)
                .isNotEmpty().containsOnly("content-service"));
        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"content\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"content-service\"", "topic=\"mhc.users\"")).isPresent();
        assertThat(scrape.value("mhc_readiness")).contains(1.0);
    }

    @Test
    void aSearchIsTimed() {
        double before = Scrape.of(managementUrl()).value("mhc_search_latency_seconds_count").orElseThrow();

        assertThat(Scrape.get(publicUrl("/api/content/search?q=rest")).statusCode()).isEqualTo(200);

        assertThat(Scrape.of(managementUrl()).value("mhc_search_latency_seconds_count")).contains(before + 1);
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        assertThat(Scrape.get(publicUrl("/actuator/health")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/health/readiness")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(Scrape.get(publicUrl("/actuator/prometheus")).statusCode()).isIn(401, 404);
        assertThat(Scrape.get(publicUrl("/actuator/metrics")).statusCode()).isIn(401, 404);
        assertThat(Scrape.get(managementUrl() + "/actuator/health").body()).contains("\"components\"");
    }

    private String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private String publicUrl(String path) {
        return "http://localhost:" + serverPort + path;
    }
}
