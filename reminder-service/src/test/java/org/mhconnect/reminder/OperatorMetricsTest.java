package org.mhconnect.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.Scrape;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operators scrape reminder-service on its management port: every metric of the operability contract is there from
 * the start, at 0 before anything happened, tagged with the application, per channel and per skip reason; the
 * public port answers health status and nothing else of actuator.
 */
@ReminderIntegrationTest
class OperatorMetricsTest {

    static final List<String> CONTRACT = List.of("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
            "process_cpu_usage", "mongodb_driver_pool_size", "kafka_producer_record_send_total", "mhc_outbox_backlog",
            "mhc_outbox_oldest_age_seconds", "mhc_kafka_consumer_lag", "mhc_kafka_dead_letters_total",
            "mhc_reminders_due_total", "mhc_reminders_fired_total", "mhc_reminders_skipped_total",
            "mhc_reminders_missed_total", "mhc_reminders_lateness_seconds_bucket", "mhc_reminders_lateness_seconds_count",
            "mhc_reminders_lateness_seconds_sum", "mhc_reminders_lateness_seconds_max", "mhc_deliveries_total",
            "mhc_readiness");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape.get(publicUrl("/api/reminders"));
        Scrape scrape = Scrape.of(managementUrl());

        assertThat(CONTRACT).allSatisfy(name -> assertThat(scrape.applications(name)).as(name)
                .isNotEmpty().containsOnly("reminder-service"));
        for (String channel : List.of("inbox", "email", "webhook")) {
            for (String outcome : List.of("sent", "failed", "retried", "dead")) {
                assertThat(scrape.value("mhc_deliveries_total", "channel=\"" + channel + "\"", "outcome=\"" + outcome + "\""))
                        .as(channel + " " + outcome).isPresent();
            }
            // The SLO buckets of the lateness alert (p99 under 1 s) are among the histogram's.
            assertThat(scrape.value("mhc_reminders_lateness_seconds_bucket", "channel=\"" + channel + "\"", "le=\"1.0\""))
                    .isPresent();
        }
        for (String reason : List.of("paused", "quiet-hours", "skip-next", "already-journaled")) {
            assertThat(scrape.value("mhc_reminders_skipped_total", "reason=\"" + reason + "\"")).as(reason).isPresent();
        }
        assertThat(scrape.value("mhc_outbox_backlog", "outbox=\"schedules\"")).isPresent();
        for (String group : List.of("reminder-service", "reminder-digest", "reminder-dispatcher")) {
            assertThat(scrape.value("mhc_kafka_consumer_lag", "group=\"" + group + "\"")).as(group).isPresent();
        }
        assertThat(scrape.value("mhc_readiness")).contains(1.0);
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
