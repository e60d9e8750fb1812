package org.mhconnect.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.testsupport.Scrape;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Operators scrape journal-service on its management port: every metric of the operability contract is there from
 * the start, tagged with the application; crisis detection is timed with no label that could tell a decision; the
 * public port answers health status and nothing else of actuator.
 */
@JournalIntegrationTest
class OperatorMetricsTest {

    static final List<String> CONTRACT = List.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage", "mongodb_driver_pool_size", "mhc_outbox_backlog", "mhc_outbox_oldest_age_seconds",
            "mhc_kafka_consumer_lag", "mhc_kafka_dead_letters_total", "mhc_crisis_detection_seconds_bucket",
            "mhc_crisis_detection_seconds_count", "mhc_readiness");

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape.get(publicUrl("/api/journal/entries"));
        Scrape scrape = Scrape.of(managementUrl());

        assertThat(CONTRACT).allSatisfy(name -> assertThat(scrape.applications(name)).as(name)
                .isNotEmpty().containsOnly("journal-service"));
        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"journal\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"journal-service\"", "topic=\"mhc.users\"")).isPresent();
        assertThat(scrape.value("mhc_readiness")).contains(1.0);
    }

    @Test
    void writingAnEntryTimesCrisisDetectionWithoutAnyLabelBeyondTheApplication() {
        double before = Scrape.of(managementUrl()).value("mhc_crisis_detection_seconds_count").orElseThrow();
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("A quiet walk after work")).exchange()
                .expectStatus().isCreated();

        Scrape after = Scrape.of(managementUrl());
        assertThat(after.value("mhc_crisis_detection_seconds_count")).contains(before + 1);
        assertThat(after.series("mhc_crisis_detection_seconds_count"))
                .singleElement().asString().startsWith("mhc_crisis_detection_seconds_count{application=\"journal-service\"}");
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        assertThat(Scrape.get(publicUrl("/actuator/health")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/health/readiness")).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Scrape.get(publicUrl("/actuator/prometheus")).statusCode()).isIn(401, 404);
        assertThat(Scrape.get(publicUrl("/actuator/metrics")).statusCode()).isIn(401, 404);
    }

    private String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private String publicUrl(String path) {
        return "http://localhost:" + serverPort + path;
    }
}
