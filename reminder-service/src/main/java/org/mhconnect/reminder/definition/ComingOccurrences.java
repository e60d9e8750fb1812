package org.mhconnect.reminder.definition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mhconnect.reminder.schedule.Occurrence;
import org.mhconnect.reminder.schedule.Occurrences;
import org.mhconnect.reminder.schedule.Schedule;
import org.mhconnect.reminder.skip.SkipRule;
import org.springframework.stereotype.Component;

/**
 * A reminder's next occurrences as the person is promised them: each says whether it will be skipped and why, by the
 * rule the engine and the dispatcher apply when its time comes ({@link SkipRule}). "As things stand now": a day not yet
 * written, a pause not yet set, may still change it. One read of the preferences and one of the journaled days serve a
 * whole list.
 */
@Component
class ComingOccurrences {

    private final SkipOutlook outlook;
    private final Clock clock;

    ComingOccurrences(SkipOutlook outlook, Clock clock) {
        this.outlook = outlook;
        this.clock = clock;
    }

    /** The next {@code count} of a stored reminder; none when it is stopped. */
    List<OccurrenceView> of(ReminderDocument reminder, int count) {
        return of(reminder.userId(), List.of(reminder), count).getFirst();
    }

    /** The same for each of a person's reminders, in their order. */
    List<List<OccurrenceView>> of(String userId, List<ReminderDocument> reminders, int count) {
        List<Coming> coming = reminders.stream().map(reminder -> new Coming(
                reminder.active() ? Occurrences.next(Reminders.trusted(reminder), clock.instant(), count) : List.of(),
                reminder.timeZone(), reminder.skipThrough(), reminder.kind() == ReminderKind.JOURNAL)).toList();
        return annotate(userId, coming);
    }

    /**
     * The next {@code count} of a schedule not saved yet, for a reminder of this kind (null: not journaling).
     *
     * @param skipThrough the "skip next" that saving it would keep (a reminder being changed), or null
     */
    List<OccurrenceView> preview(String userId, Schedule schedule, ReminderKind kind, java.time.Instant skipThrough, int count) {
        Coming coming = new Coming(Occurrences.next(schedule, clock.instant(), count), schedule.zone().getId(), skipThrough,
                kind == ReminderKind.JOURNAL);
        return annotate(userId, List.of(coming)).getFirst();
    }

    private record Coming(List<Occurrence> occurrences, String zone, java.time.Instant skipThrough, boolean journaling) {
    }

    private List<List<OccurrenceView>> annotate(String userId, List<Coming> coming) {
        List<LocalDate> days = coming.stream().filter(Coming::journaling).flatMap(c -> c.occurrences().stream())
                .map(occurrence -> occurrence.local().toLocalDate()).sorted().toList();
        Set<LocalDate> journaled = days.isEmpty() ? Set.of() : outlook.journaledDays(userId, days.getFirst(),
                days.stream().max(Comparator.naturalOrder()).orElseThrow());
        SkipRule.Settings settings = coming.stream().allMatch(c -> c.occurrences().isEmpty()) ? SkipRule.Settings.NONE
                : outlook.settings(userId);
        return coming.stream().map(c -> {
            SkipRule rule = new SkipRule(settings.in(c.zone()), c.skipThrough(), c.journaling());
            return c.occurrences().stream().map(occurrence -> OccurrenceView.of(occurrence,
                    rule.of(occurrence.at(), false, journaled.contains(occurrence.local().toLocalDate())).orElse(null)))
                    .toList();
        }).collect(Collectors.toList());
    }
}
