package org.mhconnect.journal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * journal-service's settings, under {@code mhc.journal}.
 *
 * @param topics how the topics this service owns are created
 * @param outbox how staged events are retried
 * @param encryption the master keys that wrap every person's data key
 * @param support where crisis resources come from
 * @param maxImportSize the largest journal {@code POST /api/journal/import} takes (counted as it arrives)
 */
@Validated
@ConfigurationProperties("mhc.journal")
public record JournalProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox,
        @DefaultValue Encryption encryption, @DefaultValue Support support,
        @DefaultValue("64MB") org.springframework.util.unit.DataSize maxImportSize) {

    /**
     * @param masterKeys   master key id to the Base64 of 32 random bytes; from a secret store or the environment,
     *                     never from the repository
     * @param activeKeyId  the key that wraps new data keys; the others only unwrap until rotation moved them
     * @param localKeyFile where a machine-local key is generated when no master key is configured (embedded default)
     * @param keyCacheFor  how long an unwrapped data key stays in memory
     */
    public record Encryption(@DefaultValue Map<String, String> masterKeys, String activeKeyId,
            @DefaultValue(".data/journal/master-keys.properties") Path localKeyFile,
            @DefaultValue("5m") Duration keyCacheFor) {
    }

    /**
     * @param contentUrl content-service, which owns the support resources
     * @param timeout    how long an entry's response waits for content-service before using the built-in fallback
     * @param cacheFor   how long a country's resources are kept
     */
    public record Support(@DefaultValue("http://localhost:8081") URI contentUrl, @DefaultValue("2s") Duration timeout,
            @DefaultValue("1h") Duration cacheFor) {
    }

    /** Partition and replica counts for the topics this service owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }

    /**
     * @param publishTimeout how long a request waits for the broker before leaving the event to the relay
     * @param relayAfter     how old a staged event must be before the relay publishes it
     * @param abandonAfter   how old a staged event without its entry must be before the relay drops it; far
     *                       longer than any request, so an entry still being written is never dropped
     * @param relayEvery     how often the relay looks for staged events
     */
    public record Outbox(@DefaultValue("3s") Duration publishTimeout, @DefaultValue("10s") Duration relayAfter,
            @DefaultValue("5m") Duration abandonAfter, @DefaultValue("5s") Duration relayEvery) {
    }
}
