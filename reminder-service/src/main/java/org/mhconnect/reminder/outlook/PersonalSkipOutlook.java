package org.mhconnect.reminder.outlook;

import java.time.LocalDate;
import java.util.Set;

import org.mhconnect.reminder.definition.SkipOutlook;
import org.mhconnect.reminder.journaling.JournaledDays;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.skip.SkipRule;
import org.springframework.stereotype.Component;

/** A person's pause, quiet hours and journaled days, read from their owners for the coming occurrences. */
@Component
class PersonalSkipOutlook implements SkipOutlook {

    private final Preferences preferences;
    private final JournaledDays journaledDays;

    PersonalSkipOutlook(Preferences preferences, JournaledDays journaledDays) {
        this.preferences = preferences;
        this.journaledDays = journaledDays;
    }

    @Override
    public SkipRule.Settings settings(String userId) {
        return preferences.skipSettings(userId);
    }

    @Override
    public Set<LocalDate> journaledDays(String userId, LocalDate from, LocalDate to) {
        return journaledDays.journaledBetween(userId, from, to);
    }
}
