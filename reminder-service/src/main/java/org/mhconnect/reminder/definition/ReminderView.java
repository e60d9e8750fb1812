package org.mhconnect.reminder.definition;

import java.time.Instant;
import java.util.List;

import org.mhconnect.reminder.schedule.FriendlySchedule;

/**
 * A reminder as the API shows it.
 *
 * @param schedule the rule, its start and zone, and the friendly form when the rule has one
 * @param next     the next few occurrences, so a client can show "next: tomorrow at 21:00"
 */
public record ReminderView(String id, String kind, String title, String message, String practiceSlug,
        List<String> channels, int gracePeriodMinutes, ScheduleView schedule, boolean active, Instant skipThrough,
        List<Instant> snoozes, List<OccurrenceView> next, Instant createdAt, Instant updatedAt, long version) {

    /** @param times and {@code weekdays}: the friendly form, when the rule can be shown that way */
    public record ScheduleView(String rrule, String start, String timeZone, List<String> times, List<String> weekdays) {

        static ScheduleView of(ReminderDocument reminder) {
            var friendly = FriendlySchedule.from(reminder.rrule());
            return new ScheduleView(reminder.rrule(), reminder.start(), reminder.timeZone(),
                    friendly.map(form -> form.times().stream().map(Object::toString).toList()).orElse(null),
                    friendly.map(form -> form.weekdays().stream().sorted()
                            .map(day -> day.name().substring(0, 2)).toList()).orElse(null));
        }
    }

    static ReminderView of(ReminderDocument reminder, List<OccurrenceView> next) {
        return new ReminderView(reminder.id(), reminder.kind().wireName(), reminder.title(), reminder.message(),
                reminder.practiceSlug(), reminder.channels().stream().sorted().map(Channel::wireName).toList(),
                reminder.gracePeriodMinutes(), ScheduleView.of(reminder), reminder.active(), reminder.skipThrough(),
                reminder.snoozes(), next, reminder.createdAt(), reminder.updatedAt(),
                reminder.version() == null ? 0 : reminder.version());
    }
}
