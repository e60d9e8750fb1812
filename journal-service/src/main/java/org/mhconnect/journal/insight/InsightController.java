package org.mhconnect.journal.insight;

import java.time.Clock;
import java.time.LocalDate;

import org.mhconnect.journal.entry.DayBounds;
import org.mhconnect.journal.entry.EntryIndex;
import org.mhconnect.journal.entry.InvalidEntryException;
import org.mhconnect.journal.practice.PracticeCompletions;
import org.mhconnect.timezones.TimeZoneId;
import org.mhconnect.timezones.TimeZones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Insights over the caller's own entries and completed practices. */
@RestController
class InsightController {

    static final int MAX_DAYS = 366;

    private final EntryIndex index;
    private final PracticeCompletions completions;
    private final Clock clock;

    InsightController(EntryIndex index, PracticeCompletions completions, Clock clock) {
        this.index = index;
        this.completions = completions;
        this.clock = clock;
    }

    /**
     * Insights over local days {@code from}..{@code to}, inclusive. Without them: the 30 days up to today in
     * {@code timeZone} (UTC when absent). At most a year at a time.
     */
    @GetMapping("/api/journal/insights")
    Insights insights(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UTC") @TimeZoneId String timeZone) {
        DayBounds.require(from, "from");
        DayBounds.require(to, "to");
        LocalDate last = to != null ? to : from != null ? from.plusDays(29) : LocalDate.now(clock.withZone(TimeZones.region(timeZone).orElseThrow()));
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw new InvalidEntryException("'from' must not be after 'to'.");
        }
        if (last.toEpochDay() - first.toEpochDay() + 1 > MAX_DAYS) {
            throw new InvalidEntryException("Insights cover at most " + MAX_DAYS + " days at a time.");
        }
        return Insights.of(first, last, index.summaries(userId, index.months(userId, first, last)),
                completions.between(userId, first, last).stream().map(PracticeCompletions.Completion::localDate).toList());
    }
}
