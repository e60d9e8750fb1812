package org.mhconnect.journal.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.journal.entry.Reframe;
import org.mhconnect.journal.safety.SafetyPlan;

/**
 * Everything a person has in the journal, as {@code GET /api/journal/export?format=json} writes it and
 * {@code POST /api/journal/import} reads it back. {@code safetyPlan} is absent when the person has none; an import
 * checks it like {@code PUT /api/journal/safety-plan} would.
 */
public record JournalExport(
        @NotNull @Pattern(regexp = FORMAT, message = "must be " + FORMAT) String format,
        @NotNull Integer version,
        Instant exportedAt,
        @NotNull @Size(max = 100_000) List<@NotNull @Valid Entry> entries,
        @Size(max = 10_000) List<@NotNull @Valid CheckIn> checkIns,
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
}
