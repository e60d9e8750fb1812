package org.mhconnect.journal.practice;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded completion, as the API shows it. */
record CompletionView(String id, String slug, String title, Instant completedAt, String timeZone, LocalDate localDate) {

    static CompletionView of(PracticeCompletions.Completion completion) {
        return new CompletionView(completion.id(), completion.slug(), completion.title(), completion.completedAt(),
                completion.timeZone(), completion.localDate());
    }
}
