package org.mhconnect.journal.practice;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.problems.text.SingleLine;
import org.mhconnect.timezones.TimeZoneId;
import org.mhconnect.timezones.TimeZones;

/**
 * A practice the person has just finished in the player.
 *
 * @param slug        the practice's slug in the library
 * @param title       its title as the person saw it, kept so that the record still reads well if the item changes
 * @param completedAt when the last step ended
 * @param timeZone    the person's IANA time zone, which decides the local day; UTC when absent
 */
record CompletionRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a content slug") String slug,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotNull Instant completedAt,
        @TimeZoneId String timeZone) {

    /** A legacy zone name is stored under its current one. */
    CompletionRequest {
        timeZone = TimeZones.currentNameOrAsGiven(timeZone);
    }
}
