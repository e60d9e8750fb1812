package org.mhconnect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.OperatorPorts;
import org.mhconnect.testsupport.Scrape;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operators scrape content-service on its management port: every metric of the operability contract is there from
 * the start, tagged with the application; searches are timed; the public port answers health status and nothing
 * else of actuator.
 */
@ContentIntegrationTest
class OperatorMetricsTest {

    static final List<String> OWN = List.of("kafka_consumer_fetch_manager_records_lag_max",
            "mhc_search_latency_seconds_bucket", "mhc_search_latency_seconds_count");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    OperatorPorts ports() {
        return new OperatorPorts("content-service", serverPort, managementPort);
    }

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape scrape = ports().assertContract("/api/content/items", OWN);

        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"content\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"content-service\"", "topic=\"mhc.users\"")).isPresent();
    }

    @Test
    void aSearchIsTimed() {
        double before = ports().scrape().value("mhc_search_latency_seconds_count").orElseThrow();

        assertThat(Scrape.get(ports().publicUrl("/api/content/search?q=rest")).statusCode()).isEqualTo(200);

        assertThat(ports().scrape().value("mhc_search_latency_seconds_count")).contains(before + 1);
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        ports().assertPublicPortAnswersHealthStatusOnly();
    }
}
