package org.mhconnect.reminder.definition;

import org.mhconnect.problems.text.MultiLine;
import org.mhconnect.problems.text.SingleLine;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reminder as a client writes it ({@code POST}, and {@code PUT} with the {@code version} read).
 *
 * @param practiceSlug       the library practice it invites to, if any
 * @param gracePeriodMinutes how late it may still be sent after downtime; 60 when left out
 */
public record ReminderRequest(
        @NotNull @Pattern(regexp = "journal|practice|check-in|custom", message = "must be journal, practice, check-in or custom") String kind,
        @NotBlank @Size(max = 100) @SingleLine String title,
        @Size(max = 500) @MultiLine String message,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a practice slug") String practiceSlug,
        @NotEmpty @Size(max = 4) Set<@NotNull @Pattern(regexp = "email|webhook|inbox|push", message = "must be email, webhook, inbox or push") String> channels,
        @Min(5) @Max(1440) Integer gracePeriodMinutes,
        @NotNull @Valid ScheduleRequest schedule,
        @Min(0) Long version) {

    /**
     * Either an RRULE with a local start, or the friendly form: times of day and weekdays (none means every day).
     * Both need the IANA time zone.
     *
     * @param start    a local date-time such as {@code 2026-12-01T21:00}; the friendly form counts from today
     * @param times    {@code HH:mm}
     * @param weekdays {@code MO} … {@code SU}
     */
    public record ScheduleRequest(
            @Size(max = 500) @SingleLine String rrule,
            @Size(max = 30) @SingleLine String start,
            @Size(max = 12) List<@NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time such as 21:00") String> times,
            @Size(max = 7) Set<@NotNull @Pattern(regexp = "MO|TU|WE|TH|FR|SA|SU", message = "must be MO, TU, WE, TH, FR, SA or SU") String> weekdays,
            @NotBlank @Size(max = 64) @SingleLine String timeZone) {
    }
}
