/**
 * reminder-service owns reminders. {@code journaling} remembers the days on which a person journaled, from
 * {@code journal.entry-recorded}, so that a journaling reminder for a day already done can be skipped;
 * {@code messaging} sets up how this service reads events.
 */
package org.mhconnect.reminder;
