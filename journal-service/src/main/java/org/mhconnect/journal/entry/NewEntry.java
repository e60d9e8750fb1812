package org.mhconnect.journal.entry;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person writes.
 *
 * @param body     the entry's words, up to 20,000 characters
 * @param mood     1 (very low) to 5 (very good)
 * @param emotions emotion codes, such as {@code calm} or {@code worried}
 * @param timeZone the writer's IANA time zone, which decides the entry's local date
 */
record NewEntry(
        @NotBlank @Size(max = 20_000) String body,
        @NotNull @Min(1) @Max(5) Integer mood,
        @Size(max = 10) List<@Pattern(regexp = "[a-z][a-z-]{1,29}", message = "must be an emotion code") String> emotions,
        @NotNull @TimeZoneId String timeZone) {

    List<String> emotionsOrNone() {
        return emotions == null ? List.of() : List.copyOf(emotions);
    }
}
