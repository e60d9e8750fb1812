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
     * @param attempts         how often a channel is tried before the delivery is marked failed
     * @param firstBackoff     the wait before the second attempt; each later wait doubles, with random jitter
     * @param webhookTimeout   how long a webhook receiver may take to answer
     * @param allowLoopbackWebhooks development only: webhooks to 127.0.0.1 and ::1 are allowed
     * @param actionLinkTtl    how long snooze, skip and stop links work
     * @param mailFrom         the sender of reminder e-mails
     * @param sweepEvery       how often the worker looks for deliveries that are due (a new one is looked at at once)
     */
    public record Delivery(@DefaultValue("5") @Min(1) @Max(10) int attempts, @DefaultValue("2s") Duration firstBackoff,
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
