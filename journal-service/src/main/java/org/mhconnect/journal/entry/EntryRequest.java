package org.mhconnect.journal.entry;

import org.mhconnect.problems.text.MultiLine;
import org.mhconnect.problems.text.SingleLine;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.journal.vocabulary.EmotionCode;
import org.mhconnect.timezones.TimeZoneId;
import org.mhconnect.timezones.TimeZones;

/**
 * What a person writes, for a new entry or a changed one.
 *
 * @param localDateTime when it happened, in the writer's time zone; now when absent, never in the future
 * @param timeZone      the writer's IANA time zone, which decides the entry's local day
 * @param title         an optional title
 * @param body          the words, in Markdown, up to 20,000 characters
 * @param mood          1 (very low) to 5 (very good); optional, because the words matter more than a number
 * @param emotions      codes from {@code GET /api/journal/emotions}
 * @param tags          up to five of the writer's own tags
 * @param practiceId    the practice or prompt this entry answers, a content slug
 * @param reframe       a kind answer to the inner critic
 * @param version       for a change: the version the writer last saw
 */
public record EntryRequest(
        LocalDateTime localDateTime,
        @NotNull @TimeZoneId String timeZone,
        @Size(max = 200) @SingleLine String title,
        @NotBlank @Size(max = 20_000) @MultiLine String body,
        @Min(1) @Max(5) Integer mood,
        @Size(max = 10) List<@NotNull @EmotionCode String> emotions,
        @Size(max = 5) List<@NotBlank @Size(max = 40) @SingleLine String> tags,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a content slug") String practiceId,
        @Valid Reframe reframe,
        @Min(0) Long version) {

    /** A legacy zone name is stored under its current one ("Asia/Calcutta" as "Asia/Kolkata"). */
    public EntryRequest {
        timeZone = TimeZones.currentNameOrAsGiven(timeZone);
    }

    List<String> emotionsOrNone() {
        return emotions == null ? List.of() : emotions.stream().distinct().toList();
    }

    List<String> tagsOrNone() {
        return tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
    }
}
