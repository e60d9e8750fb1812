package org.mhconnect.events;

import java.util.Map;

import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentUpdated;
import org.mhconnect.events.content.ContentWithdrawn;
import org.mhconnect.events.journal.JournalCheckInCompleted;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.events.notification.NotificationDelivered;
import org.mhconnect.events.notification.NotificationFailed;
import org.mhconnect.events.reminder.ReminderDue;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;

/**
 * Logical event type names. They travel in the {@code ce_type} header and as Spring Kafka's type id, never
 * as Java class names, so a class can move or be renamed without breaking a consumer.
 */
public final class EventTypes {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_PROFILE_CHANGED = "user.profile-changed";
    public static final String USER_EMAIL_VERIFIED = "user.email-verified";
    public static final String USER_DELETION_REQUESTED = "user.deletion-requested";
    public static final String USER_DATA_ERASED = "user.data-erased";
    public static final String CONTENT_PUBLISHED = "content.published";
    public static final String CONTENT_UPDATED = "content.updated";
    public static final String CONTENT_WITHDRAWN = "content.withdrawn";
    public static final String JOURNAL_ENTRY_RECORDED = "journal.entry-recorded";
    public static final String JOURNAL_CHECKIN_COMPLETED = "journal.checkin-completed";
    public static final String REMINDER_DUE = "reminder.due";
    public static final String NOTIFICATION_DELIVERED = "notification.delivered";
    public static final String NOTIFICATION_FAILED = "notification.failed";

    /** The record class behind each logical type that has one so far. */
    public static final Map<String, Class<? extends DomainEvent>> CLASSES = Map.ofEntries(
            Map.entry(USER_REGISTERED, UserRegistered.class),
            Map.entry(USER_PROFILE_CHANGED, UserProfileChanged.class),
            Map.entry(USER_EMAIL_VERIFIED, UserEmailVerified.class),
            Map.entry(USER_DELETION_REQUESTED, UserDeletionRequested.class),
            Map.entry(USER_DATA_ERASED, UserDataErased.class),
            Map.entry(CONTENT_PUBLISHED, ContentPublished.class),
            Map.entry(CONTENT_UPDATED, ContentUpdated.class),
            Map.entry(CONTENT_WITHDRAWN, ContentWithdrawn.class),
            Map.entry(JOURNAL_ENTRY_RECORDED, JournalEntryRecorded.class),
            Map.entry(JOURNAL_CHECKIN_COMPLETED, JournalCheckInCompleted.class),
            Map.entry(REMINDER_DUE, ReminderDue.class),
            Map.entry(NOTIFICATION_DELIVERED, NotificationDelivered.class),
            Map.entry(NOTIFICATION_FAILED, NotificationFailed.class));

    /** The logical type name of an event record. */
    public static String typeOf(DomainEvent event) {
        return CLASSES.entrySet().stream()
                .filter(entry -> entry.getValue() == event.getClass())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No logical type is registered for " + event.getClass().getSimpleName()));
    }

    private EventTypes() {
    }
}
