package org.mhconnect.reminder.definition;

import java.util.Locale;

/** What a reminder invites the person to do. */
public enum ReminderKind {
    JOURNAL,
    PRACTICE,
    CHECK_IN,
    CUSTOM;

    /** {@code journal}, {@code practice}, {@code check-in}, {@code custom}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReminderKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
