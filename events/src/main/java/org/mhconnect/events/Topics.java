package org.mhconnect.events;

/**
 * Topic names. Each topic has one owning service, which creates it (kafka-events' {@code EventTopic} declares who owns
 * and who reads each one, and what it is created with). Every topic but {@link #ERASURES} also has its owner as its
 * only producer.
 */
public final class Topics {

    /** Owned by the gateway (identity): user.registered, user.profile-changed, user.email-verified, user.deletion-requested. */
    public static final String USERS = "mhc.users";

    /**
     * Owned (created and read) by the gateway: user.data-erased, which every service publishes once it has
     * erased a person's data.
     */
    public static final String ERASURES = "mhc.erasures";

    /** Owned by content-service: content.published, content.updated, content.withdrawn. */
    public static final String CONTENT = "mhc.content";

    /** Owned by journal-service: journal.entry-recorded, journal.checkin-completed. */
    public static final String JOURNAL = "mhc.journal";

    /**
     * Owned by reminder-service, and read only by it: the reminder schedules, compacted, one record per reminder
     * (key {@code <userId>/<reminderId>}, partitioned by the user id so that a person's reminders share a partition).
     */
    public static final String REMINDER_SCHEDULES = "mhc.reminders.schedules";

    /** Owned by reminder-service: reminder.due. */
    public static final String REMINDERS_DUE = "mhc.reminders.due";

    /** Owned by reminder-service: notification.delivered, notification.failed. */
    public static final String NOTIFICATIONS = "mhc.notifications";

    /** Dead letters of a consumer: {@code <topic>.<consumer>.dlt}, created by the consuming service. */
    public static String deadLetter(String topic, String consumer) {
        return topic + "." + consumer + ".dlt";
    }

    private Topics() {
    }
}
