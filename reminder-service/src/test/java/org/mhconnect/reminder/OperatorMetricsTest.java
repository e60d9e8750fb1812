package org.mhconnect.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.OperatorPorts;
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

    static final List<String> OWN = List.of("kafka_producer_record_send_total", "mhc_reminders_due_total",
            "mhc_reminders_fired_total", "mhc_reminders_skipped_total", "mhc_reminders_missed_total",
            "mhc_reminders_lateness_seconds_bucket", "mhc_reminders_lateness_seconds_count",
            "mhc_reminders_lateness_seconds_sum", "mhc_reminders_lateness_seconds_max", "mhc_deliveries_total");

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int serverPort;

    OperatorPorts ports() {
        return new OperatorPorts("reminder-service", serverPort, managementPort);
    }

    @Test
    void everyContractMetricIsScrapedOnTheManagementPortTaggedWithTheApplication() {
        Scrape scrape = ports().assertContract("/api/reminders", OWN);

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
    }

    @Test
    void thePublicPortAnswersHealthStatusOnlyAndNeverMetrics() {
        ports().assertPublicPortAnswersHealthStatusOnly();
    }
}
