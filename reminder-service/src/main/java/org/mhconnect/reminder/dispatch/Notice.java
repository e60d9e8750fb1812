package org.mhconnect.reminder.dispatch;

import java.time.ZonedDateTime;

/**
 * One reminder, ready to be sent: its words, when it was for, and the one-click links every reminder carries.
 *
 * @param deliveryId  {@code <occurrenceId>/<channel>}: the same for every attempt, so a receiver can drop repeats
 * @param local       the occurrence in the reminder's own zone
 */
public record Notice(String deliveryId, String occurrenceId, String reminderId, String userId, String kind, String title,
        String message, String practiceSlug, ZonedDateTime local, Links links) {

    /** Signed links that work without signing in, and the page to open. */
    public record Links(String open, String snooze15Minutes, String snoozeHour, String snoozeTomorrow, String skipNext,
            String stop, String unsubscribe) {
    }
}
