package org.mhconnect.reminder.journaling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A day on which a person wrote in their journal, in their own time zone. The id is
 * {@code <userId>/<yyyy-MM-dd>}: one document per person and day, found through the unique {@code _id}
 * index on every MongoDB, which makes recording it idempotent and the "already journaled today?" check a
 * key lookup.
 */
@Document("journaled_days")
record JournaledDayDocument(@Id String id, String userId, LocalDate localDate, Instant firstRecordedAt, List<String> entryIds) {

    static String idOf(String userId, LocalDate day) {
        return userId + "/" + day;
    }
}
