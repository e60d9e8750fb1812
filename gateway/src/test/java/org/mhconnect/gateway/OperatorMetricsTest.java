package org.mhconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.Scrape;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Operators scrape the gateway on its management port: every metric of the operability contract is there from the
 * start, tagged with the application; sign-ins are counted by outcome, never by who; the public port answers health
 * status and nothing else of actuator.
 */
@GatewayIntegrationTest
class OperatorMetricsTest {

    static final List<String> CONTRACT = List.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage", "mongodb_driver_pool_size", "mhc_outbox_backlog", "mhc_outbox_oldest_age_seconds",
            "mhc_kafka_consumer_lag", "mhc_kafka_dead_letters_total", "mhc_signins_total", "mhc_ratelimit_refusals_total",
            "mhc_readiness");

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape.get(publicUrl("/api/content/items"));
        Scrape scrape = Scrape.of(managementUrl());

        assertThat(CONTRACT).allSatisfy(name -> assertThat(scrape.applications(name)).as(name)
                .isNotEmpty().containsOnly("gateway"));
        for (String outcome : List.of("success", "bad-credentials", "error")) {
            assertThat(scrape.value("mhc_signins_total", "outcome=\"" + outcome + "\"")).as(outcome).isPresent();
        }
        for (String limit : List.of("sign-in", "api")) {
            assertThat(scrape.value("mhc_ratelimit_refusals_total", "limit=\"" + limit + "\"")).as(limit).isPresent();
        }
        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"account-announcements\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"gateway\"")).isPresent();
        assertThat(scrape.value("mhc_readiness")).contains(1.0);
    }

    @Test
    void aFailedSignInCountsAsBadCredentials() {
        double before = Scrape.of(managementUrl()).value("mhc_signins_total", "outcome=\"bad-credentials\"").orElseThrow();

        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange()
                .expectStatus().isUnauthorized();

        Scrape after = Scrape.of(managementUrl());
        assertThat(after.value("mhc_signins_total", "outcome=\"bad-credentials\"")).contains(before + 1);
        assertThat(after.series("mhc_signins_total")).noneMatch(line -> line.contains("nobody"));
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
