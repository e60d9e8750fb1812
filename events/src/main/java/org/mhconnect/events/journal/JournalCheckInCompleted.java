package org.mhconnect.events.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * A self-compassion check-in was completed. It carries the scores only: never the answers to single items.
 *
 * @param checkInId the check-in, as journal-service names it
 * @param localDate the day of the check-in in the person's own time zone
 * @param total     the mean of all twelve items after reverse-scoring, 1 to 5
 * @param subscales the mean of each subscale's items, by subscale code (such as {@code self-kindness})
 */
public record JournalCheckInCompleted(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String checkInId,
        LocalDate localDate,
        double total,
        Map<String, Double> subscales) implements DomainEvent {

    public JournalCheckInCompleted {
        subscales = Map.copyOf(subscales);
    }
}
