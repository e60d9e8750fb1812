package org.mhconnect.reminder.dispatch;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What became of a reminder's occurrences ({@code _id} = reminder id): the newest 200 entries, so the history is
 * one lookup by id.
 */
@Document("reminder_history")
record HistoryDocument(@Id String reminderId, String userId, List<Entry> entries) {

    /**
     * @param key       unique per entry: {@code <occurrenceId>/<channel>}, or the occurrence id for what happened
     *                  to the whole occurrence
     * @param channel   null for the whole occurrence
     * @param status    {@code sent}, {@code failed}, {@code skipped} or {@code missed}
     * @param reason    why it was skipped, missed or failed, in plain words
     */
    public record Entry(String key, String occurrenceId, Instant scheduledAt, String channel, String status, String reason,
            int attempts, Instant at) {
    }
}
