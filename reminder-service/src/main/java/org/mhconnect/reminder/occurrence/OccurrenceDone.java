package org.mhconnect.reminder.occurrence;

/** Told when a person marks an occurrence done through its signed link (a push notification's "Done"). */
public interface OccurrenceDone {

    void done(String userId, String occurrenceId);
}
