package org.mhconnect.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.testsupport.OperatorPorts;
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

    static final List<String> OWN = List.of("mhc_crisis_detection_seconds_bucket", "mhc_crisis_detection_seconds_count");

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    OperatorPorts ports() {
        return new OperatorPorts("journal-service", serverPort, managementPort);
    }

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape scrape = ports().assertContract("/api/journal/entries", OWN);

        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"journal\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"journal-service\"", "topic=\"mhc.users\"")).isPresent();
    }

    @Test
    void writingAnEntryTimesCrisisDetectionWithoutAnyLabelBeyondTheApplication() {
        double before = ports().scrape().value("mhc_crisis_detection_seconds_count").orElseThrow();
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("A quiet walk after work")).exchange()
                .expectStatus().isCreated();

        Scrape after = ports().scrape();
        assertThat(after.value("mhc_crisis_detection_seconds_count")).contains(before + 1);
        assertThat(after.series("mhc_crisis_detection_seconds_count"))
                .singleElement().asString().startsWith("mhc_crisis_detection_seconds_count{application=\"journal-service\"}");
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        ports().assertPublicPortAnswersHealthStatusOnly();
    }
}
