package org.mhconnect.reminder.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One time a schedule fires.
 *
 * @param at             the instant it fires at
 * @param scheduledLocal the local date-time the rule asked for; in a spring-forward gap a time the clocks skip
 * @param local          {@code at} in the schedule's zone, with the offset in force then: the same as
 *                       {@code scheduledLocal} except in a gap, where it is later by the length of the gap
 */
public record Occurrence(Instant at, LocalDateTime scheduledLocal, ZonedDateTime local) {

    public Occurrence {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scheduledLocal, "scheduledLocal");
        Objects.requireNonNull(local, "local");
        if (!local.toInstant().equals(at)) {
            throw new IllegalArgumentException("local " + local + " is not the instant " + at);
        }
    }

    /**
     * When a scheduled local date-time fires in a zone, by the product's time rules: in a spring-forward gap it moves
     * later by the length of the gap (02:30 in a gap from 02:00 to 03:00 fires at 03:30); in a fall-back overlap it
     * fires at the earlier of its two instants. This is {@link ZonedDateTime#ofLocal} with no preferred offset, and
     * how RFC 5545 reads a DATE-TIME with a TZID.
     */
    public static Occurrence of(LocalDateTime scheduledLocal, ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.ofLocal(scheduledLocal, zone, null);
        return new Occurrence(local.toInstant(), scheduledLocal, local);
    }
}
