package org.mhconnect.reminder.definition;

import java.time.LocalDate;
import java.util.Set;

import org.mhconnect.reminder.skip.SkipRule;

/**
 * What, beyond the reminder itself, decides whether its coming occurrences are skipped: the person's preferences
 * and the days they journaled. Implemented where those are known ({@code outlook}), so that this feature needs
 * neither.
 */
public interface SkipOutlook {

    /** The person's pause and quiet hours, as stored. */
    SkipRule.Settings settings(String userId);

    /** The local days from {@code from} to {@code to}, both included, on which the person wrote in their journal. */
    Set<LocalDate> journaledDays(String userId, LocalDate from, LocalDate to);
}
