package org.mhconnect.reminder.journaling;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.mhconnect.reminder.web.InvalidRangeException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The days on which the caller journaled, as reminder-service learned them from the journal's events.
 * Reminders use this to skip a journaling nudge for a day that is already done.
 *
 * <p>The caller is named by the {@code X-User-Id} header until the identity issue replaces it with a
 * verified token; see the module README.
 */
@RestController
@RequestMapping("/api/reminders/journaled-days")
class JournaledDaysController {

    private static final int MAX_DAYS = 366;

    private final JournaledDays days;

    JournaledDaysController(JournaledDays days) {
        this.days = days;
    }

    @GetMapping
    List<JournaledDayView> list(@RequestHeader("X-User-Id") @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        // Without a range: the last 30 days, wide enough for any time zone's "today".
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).plusDays(1);
        LocalDate first = from != null ? from : last.minusDays(30);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRangeException("'from' must not be after 'to', and the range may cover at most a year.");
        }
        return days.between(userId, first, last);
    }
}
