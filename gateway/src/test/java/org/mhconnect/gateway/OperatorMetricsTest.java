package org.mhconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.OperatorPorts;
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

    static final List<String> OWN = List.of("mhc_signins_total", "mhc_ratelimit_refusals_total");

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    OperatorPorts ports() {
        return new OperatorPorts("gateway", serverPort, managementPort);
    }

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape scrape = ports().assertContract("/api/content/items", OWN);

        for (String outcome : List.of("success", "bad-credentials", "error")) {
            assertThat(scrape.value("mhc_signins_total", "outcome=\"" + outcome + "\"")).as(outcome).isPresent();
        }
        for (String limit : List.of("sign-in", "api")) {
            assertThat(scrape.value("mhc_ratelimit_refusals_total", "limit=\"" + limit + "\"")).as(limit).isPresent();
        }
        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"account-announcements\"")).isPresent();
        assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"gateway\"")).isPresent();
    }

    @Test
    void aFailedSignInCountsAsBadCredentials() {
        double before = ports().scrape().value("mhc_signins_total", "outcome=\"bad-credentials\"").orElseThrow();

        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange()
                .expectStatus().isUnauthorized();

        Scrape after = ports().scrape();
        assertThat(after.value("mhc_signins_total", "outcome=\"bad-credentials\"")).contains(before + 1);
        assertThat(after.series("mhc_signins_total")).noneMatch(line -> line.contains("nobody"));
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        ports().assertPublicPortAnswersHealthStatusOnly();
    }
}
