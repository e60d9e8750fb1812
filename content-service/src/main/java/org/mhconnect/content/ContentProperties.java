package org.mhconnect.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * content-service's settings, under {@code mhc.content}.
 *
 * @param topics    how the topics this service owns are created
 * @param seedOnStart whether the written library is loaded at start (idempotently)
 * @param outbox    how staged content events are relayed
 * @param search    the search's cache and the index's safety-net rebuild
 * @param publishing how often scheduled items are looked at
 */
@Validated
@ConfigurationProperties("mhc.content")
public record ContentProperties(@DefaultValue Topics topics, @DefaultValue("true") boolean seedOnStart,
        @DefaultValue Outbox outbox, @DefaultValue Search search, @DefaultValue Publishing publishing) {

    /** Partition and replica counts for the topics this service owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }

    /**
     * @param relayAfter   how old a staged event must be before the relay takes it over from the change
     * @param abandonAfter how long the relay waits for the change before it drops the event
     * @param relayEvery   how often the relay looks
     */
    public record Outbox(@DefaultValue("10s") java.time.Duration relayAfter, @DefaultValue("5m") java.time.Duration abandonAfter,
            @DefaultValue("5s") java.time.Duration relayEvery) {
    }

    /**
     * @param cacheSize    how many recent answers are kept until the index changes (0: none, every search reads Lucene)
     * @param refreshEvery how often each instance rebuilds its index from MongoDB, the safety net under the content
     *                     events for one it missed
     */
    public record Search(@DefaultValue("2000") @Min(0) int cacheSize, @DefaultValue("10m") java.time.Duration refreshEvery) {
    }

    /** @param checkEvery how often items scheduled for later are looked at, and published once due */
    public record Publishing(@DefaultValue("5s") java.time.Duration checkEvery) {
    }
}
