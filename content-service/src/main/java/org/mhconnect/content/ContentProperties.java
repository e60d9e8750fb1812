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
 */
@Validated
@ConfigurationProperties("mhc.content")
public record ContentProperties(@DefaultValue Topics topics, @DefaultValue("true") boolean seedOnStart) {

    /** Partition and replica counts for the topics this service owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }
}
