package org.mhconnect.journal;

import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("mhc.journal")
public record JournalProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox) {

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
