package org.mhconnect.reminder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * reminder-service's settings, under {@code mhc.reminder}.
 *
 * @param topics how the topics this service owns (its dead-letter topics among them) are created
 */
@Validated
@ConfigurationProperties("mhc.reminder")
public record ReminderProperties(@DefaultValue Topics topics) {

    /** Partition and replica counts for the topics this service owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }
}
