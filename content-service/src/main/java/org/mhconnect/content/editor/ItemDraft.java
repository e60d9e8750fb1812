package org.mhconnect.content.editor;

import org.mhconnect.problems.text.MultiLine;
import org.mhconnect.problems.text.SingleLine;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes: a new draft ({@code POST}, where {@code slug} may be left out and {@code version} must
 * be) or a change ({@code PUT}, where {@code version} is the version the editor read).
 *
 * @param minutes left out: an article's reading time (200 words a minute), or a practice's timers added up
 * @param steps   a practice's steps; an article has none
 */
record ItemDraft(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be lower-case letters, digits and hyphens") String slug,
        @NotNull @Pattern(regexp = "article|practice", message = "must be article or practice") String type,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @Size(max = 500) @MultiLine String summary,
        @NotNull @MultiLine String body,
        @Size(max = 10) List<@Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a topic slug") String> topics,
        @Size(max = 5) List<@Pattern(regexp = Habits.PATTERN, message = "must be one of the five habits") String> habits,
        @Min(1) @Max(240) Integer minutes,
        @Size(max = 100) @SingleLine String author,
        @Size(max = 30) List<@Valid @NotNull StepDraft> steps,
        @Min(0) Long version) {

    /**
     * One step of a practice.
     *
     * @param seconds an optional timer, from 5 seconds to an hour
     */
    record StepDraft(@NotBlank @Size(max = 1000) @MultiLine String text, @Min(5) @Max(3600) Integer seconds) {
    }

    List<String> topicsOrEmpty() {
        return topics == null ? List.of() : topics.stream().distinct().toList();
    }

    List<String> habitsOrEmpty() {
        return habits == null ? List.of() : habits.stream().distinct().toList();
    }

    List<StepDraft> stepsOrEmpty() {
        return steps == null ? List.of() : steps;
    }
}
