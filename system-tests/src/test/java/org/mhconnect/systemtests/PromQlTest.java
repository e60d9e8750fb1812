package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link PromQl} takes for a metric name, and what it leaves alone. */
class PromQlTest {

    @Test
    void takesEachSelectedNameAsWrittenWithItsSuffix() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (channel, le) (rate(mhc_reminders_lateness_seconds_bucket[10m]))) > 1"))
                .containsExactly("mhc_reminders_lateness_seconds_bucket");
        assertThat(PromQl.metricNames("rate(a_seconds_sum[5m]) / rate(a_seconds_count[5m])"))
                .containsExactly("a_seconds_sum", "a_seconds_count");
    }

    @Test
    void leavesOutLabelsValuesFunctionsKeywordsAndDurations() {
        String expression = """
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!~"/actuator.*"}[$__rate_interval]))
                / on (application) group_left
                sum without (instance) (rate(http_server_requests_seconds_count{application="$application"}[5m] offset 1h)) > 0.05
                and
                max by (group) (deriv(mhc_kafka_consumer_lag[10m:1m])) > bool 0
                unless topk(10, mhc_outbox_backlog) == 1e3""";

        assertThat(PromQl.metricNames(expression)).containsExactly(
                "http_server_requests_seconds_count", "mhc_kafka_consumer_lag", "mhc_outbox_backlog");
    }

    @Test
    void readsNamesWrittenWithSpacesBeforeTheirMatchersAndNamesWithColons() {
        assertThat(PromQl.metricNames("changes(mhc_readiness [15m]) > 2 or job:up:sum"))
                .containsExactly("mhc_readiness", "job:up:sum");
    }
}
