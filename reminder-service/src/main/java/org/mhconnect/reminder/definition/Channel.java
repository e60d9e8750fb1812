package org.mhconnect.reminder.definition;

import java.util.Locale;

/** Where a reminder reaches the person. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    INBOX,
    /** Web Push (RFC 8030) to every browser the person subscribed. */
    PUSH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
