package org.mhconnect.reminder.journaling;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The days on which the caller journaled, as reminder-service learned them from the journal's events.
 * Reminders use this to skip a journaling nudge for a day that is already done. The caller is the subject
 * of the verified access token.
 */
@RestController
@RequestMapping("/api/reminders/journaled-days")
class JournaledDaysController {

    private static final int MAX_DAYS = 366;

    private final JournaledDays days;

    JournaledDaysController(JournaledDays days) {
        this.days = days;
    }

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    @GetMapping
    List<JournaledDayView> list(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        // Days from 1900 to 2999, as journal-service bounds them: beyond, a day is a probe and its arithmetic fails.
        for (LocalDate day : java.util.Arrays.asList(from, to)) {
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw new InvalidRangeException("'from' and 'to' must be between " + EARLIEST + " and " + LATEST + ".");
            }
        }
        // Without a range: the last 30 days, wide enough for any time zone's "today".
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).plusDays(1);
        LocalDate first = from != null ? from : last.minusDays(30);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRangeException("'from' must not be after 'to', and the range may cover at most a year.");
        }
        return days.between(userId, first, last);
    }
}
