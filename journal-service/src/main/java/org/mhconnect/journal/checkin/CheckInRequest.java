package org.mhconnect.journal.checkin;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mhconnect.timezones.TimeZoneId;
import org.mhconnect.timezones.TimeZones;

/**
 * @param answers  twelve answers from 1 to 5, in item order (see {@code GET /api/journal/checkins/questions})
 * @param timeZone the person's IANA time zone, which decides the check-in's local day; UTC when absent
 */
record CheckInRequest(
        @NotNull @Size(min = 12, max = 12, message = "must hold exactly 12 answers") List<@NotNull @Min(1) @Max(5) Integer> answers,
        @TimeZoneId String timeZone) {

    /** A legacy zone name is stored under its current one. */
    CheckInRequest {
        timeZone = TimeZones.currentNameOrAsGiven(timeZone);
    }
}
