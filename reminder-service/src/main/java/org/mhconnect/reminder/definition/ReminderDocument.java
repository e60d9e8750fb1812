package org.mhconnect.reminder.definition;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder as stored: what it says, where it goes, and its schedule (an RFC 5545 RRULE, a local start and an
 * IANA zone, kept as text so that no driver converts them through the server's zone). Found by {@code _id}; a
 * person's reminders are listed through {@link OwnerIndex}.
 *
 * @param active      false once the person chose "stop"
 * @param skipThrough "skip next": occurrences up to and including this instant are skipped
 * @param snoozes     extra one-off occurrences asked for with "snooze"
 */
@Document("reminders")
public record ReminderDocument(
        @Id String id,
        String userId,
        ReminderKind kind,
        String title,
        String message,
        String practiceSlug,
        Set<Channel> channels,
        int gracePeriodMinutes,
        String rrule,
        String start,
        String timeZone,
        boolean active,
        Instant skipThrough,
        List<Instant> snoozes,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    /** What a reminder id looks like (a UUID), for checking ids in paths. */
    public static final String ID_PATTERN = "[0-9a-f-]{36}";


    public ReminderDocument {
        snoozes = snoozes == null ? List.of() : List.copyOf(snoozes);
    }
}
