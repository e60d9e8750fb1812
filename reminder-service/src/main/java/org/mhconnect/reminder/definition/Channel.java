package org.mhconnect.reminder.definition;

import java.util.Locale;

/** Where a reminder reaches the person. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    INBOX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
