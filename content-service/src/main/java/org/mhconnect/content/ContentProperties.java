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
 */
@Validated
@ConfigurationProperties("mhc.content")
public record ContentProperties(@DefaultValue Topics topics, @DefaultValue("true") boolean seedOnStart,
        @DefaultValue Outbox outbox) {

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
}
