package org.mhconnect.reminder;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * reminder-service's settings, under {@code mhc.reminder}.
 *
 * @param topics    how the topics this service owns (its dead-letter topics among them) are created
 * @param engine    the schedule engine
 * @param delivery  how reminders are sent and retried
 * @param publicUrl where people reach the app, for the links in reminders (the gateway's address)
 * @param push      the Web Push channel (channel/push)
 * @param digest    the weekly digest
 */
@Validated
@ConfigurationProperties("mhc.reminder")
public record ReminderProperties(@DefaultValue Topics topics, @DefaultValue Engine engine, @DefaultValue Delivery delivery,
        @DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Push push, @DefaultValue Digest digest) {

    /** Partition and replica counts for the topics this service owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }

    /**
     * @param tick       how often the engine looks for occurrences whose time has come (wall clock)
     * @param maxPerTick the most occurrences one look handles; the rest come at the next, moments later
     * @param relayEvery how often the schedule relay hands the engine the schedules Kafka has not acknowledged yet
     */
    public record Engine(@DefaultValue("200ms") Duration tick, @DefaultValue("5000") @Min(1) int maxPerTick,
            @DefaultValue("5s") Duration relayEvery) {
    }

    /** @param cron when the weekly digest looks for people whose Monday morning has come ({@code -}: never) */
    public record Digest(@DefaultValue("0 */15 * * * *") String cron) {

        /** Spring's own word for a schedule that never runs. */
        public boolean off() {
            return "-".equals(cron);
        }
    }

    /**
     * How deliveries are sent and retried. A delivery that did not arrive (a timeout, a refused connection, a 5xx, a
     * 429) is tried again, waiting between half and all of {@code firstBackoff · 2^(n−1)} after attempt n, never more
     * than {@code maxBackoff}, until the shorter of the reminder's grace period and {@code retryWindow} has passed since
     * it was due; then it is marked failed. A webhook receiver down for minutes (a redeploy, a restart) so still gets
     * every reminder, at most {@code maxBackoff} after it is back, while a reminder is never sent once it has lost its
     * point: an hour late, a "time to journal" nudge is noise. The next attempt's time is kept in MongoDB
     * ({@code delivery_queue}), so a restart loses no retry. An answer that will not change (another 4xx, a refused
     * address) fails at once.
     *
     * @param firstBackoff     the longest wait before the second attempt; each later one doubles, with random jitter
     * @param maxBackoff       the longest wait between two attempts: how long a receiver that is back may wait for
     *                         what piled up while it was away
     * @param retryWindow      how long after its due time a delivery is still attempted, at most (the reminder's grace
     *                         period, 60 min by default, when shorter)
     * @param webhookTimeout   how long a webhook receiver may take to answer
     * @param allowLoopbackWebhooks development only: webhooks to 127.0.0.1 and ::1 are allowed
     * @param actionLinkTtl    how long snooze, skip and stop links work
     * @param mailFrom         the sender of reminder e-mails
     * @param sweepEvery       how often the worker looks for deliveries that are due (a new one is looked at at once)
     */
    public record Delivery(@DefaultValue("2s") Duration firstBackoff, @DefaultValue("1m") Duration maxBackoff,
            @DefaultValue("1h") Duration retryWindow,
            @DefaultValue("10s") Duration webhookTimeout, @DefaultValue("false") boolean allowLoopbackWebhooks,
            @DefaultValue("7d") Duration actionLinkTtl,
            @DefaultValue("Mental Health Connect <reminders@mental-health-connect.local>") String mailFrom,
            @DefaultValue("500ms") Duration sweepEvery) {
    }

    /**
     * @param subject                the VAPID {@code sub} claim: a {@code mailto:} or {@code https:} address the push
     *                               services can reach the operator at
     * @param keyEncryptionKey       Base64 of 32 random bytes that seal the VAPID private key in MongoDB, from a secret
     *                               store or the environment
     * @param keyEncryptionKeyFile   without {@code keyEncryptionKey}: the file one is generated into once (0600)
     * @param ttl                    how long a push service keeps a notice for a device that is offline
     * @param timeout                how long a push service may take to answer
     * @param devicesPerPerson       the most subscriptions one person keeps; a new one beyond it drops the oldest
     */
    public record Push(@DefaultValue("mailto:reminders@mental-health-connect.local") String subject,
            String keyEncryptionKey,
            @DefaultValue(".data/reminder/push-key-encryption-key.properties") java.nio.file.Path keyEncryptionKeyFile,
            @DefaultValue("4h") Duration ttl, @DefaultValue("10s") Duration timeout,
            @DefaultValue("10") @Min(1) @Max(50) int devicesPerPerson) {
    }
}
