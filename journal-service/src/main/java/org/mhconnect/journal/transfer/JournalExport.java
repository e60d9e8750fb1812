package org.mhconnect.journal.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.journal.entry.Reframe;
import org.mhconnect.journal.safety.SafetyPlan;
import org.mhconnect.problems.text.SingleLine;
import org.mhconnect.timezones.TimeZoneId;

/**
 * Everything a person has in the journal, as {@code GET /api/journal/export?format=json} writes it and
 * {@code POST /api/journal/import} reads it back. {@code safetyPlan} is absent when the person has none; an import
 * checks it like {@code PUT /api/journal/safety-plan} would. {@code checkIns}, {@code practiceCompletions} and
 * {@code safetyPlan} came after the first exports and may be absent, so the version stays 1: every export ever written
 * still imports.
 */
public record JournalExport(
        @NotNull @Pattern(regexp = FORMAT, message = "must be " + FORMAT) String format,
        @NotNull Integer version,
        Instant exportedAt,
        @NotNull @Size(max = 100_000) List<@NotNull @Valid Entry> entries,
        @Size(max = 10_000) List<@NotNull @Valid CheckIn> checkIns,
        @Size(max = 10_000) List<@NotNull @Valid PracticeCompletion> practiceCompletions,
        SafetyPlan safetyPlan) {

    public static final String FORMAT = "mental-health-connect/journal";
    public static final int VERSION = 1;

    public record Entry(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id, @NotNull LocalDateTime localDateTime,
            String timeZone, String title, String body, Integer mood, List<String> emotions, List<String> tags,
            String practiceId, Reframe reframe, Instant createdAt, Instant updatedAt) {
    }

    public record CheckIn(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id, @NotNull Instant takenAt,
            @NotNull LocalDate localDate, @NotNull List<Integer> answers, Double total, Map<String, Double> subscales) {
    }

    /** A practice finished in the player, checked on import as {@code POST /api/journal/practices/completions} is. */
    public record PracticeCompletion(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a content slug") String slug,
            @NotBlank @Size(max = 200) @SingleLine String title, @NotNull Instant completedAt,
            @NotNull @TimeZoneId String timeZone, @NotNull LocalDate localDate) {
    }
}
