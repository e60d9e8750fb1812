package org.mhconnect.journal.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.mhconnect.journal.checkin.CheckInQuestionnaire.Subscale;

/**
 * One check-in as its owner sees it, with the gentle reading of its total and a practice for the part that asked
 * the most of them.
 *
 * @param practice the part with the lowest kindness, and the library habit whose practices help it
 */
record CheckInView(String id, Instant takenAt, LocalDate localDate, List<Integer> answers, double total,
        CheckInScores.Band band, String interpretation, List<SubscaleScore> subscales, PracticeSuggestion practice) {

    /**
     * @param score     the mean of the part's answers, as given
     * @param harsh     whether a higher {@code score} means a harsher way of relating to oneself
     * @param kindLabel the part's name in the kind direction
     * @param kindness  the score turned so that higher is kinder, 1 to 5, for every part alike
     */
    record SubscaleScore(String code, String label, double score, boolean harsh, List<Integer> items,
            String kindLabel, double kindness) {
    }

    /** @param part a subscale code; @param habit one of the library's five habits */
    record PracticeSuggestion(String part, String kindLabel, String habit) {
    }

    static CheckInView of(CheckIns.Stored stored) {
        CheckInScores scores = CheckInScores.of(stored.answers());
        List<SubscaleScore> subscales = Arrays.stream(Subscale.values())
                .map(s -> {
                    double score = scores.subscales().get(s.code());
                    return new SubscaleScore(s.code(), s.label(), score, s.harsh(), s.items(), s.kindLabel(), s.kindness(score));
                })
                .toList();
        // The gentlest place to start: the part with the least kindness (the first of them on a tie).
        Subscale weakest = Arrays.stream(Subscale.values())
                .min(Comparator.comparingDouble(s -> s.kindness(scores.subscales().get(s.code()))))
                .orElseThrow();
        return new CheckInView(stored.id(), stored.takenAt(), stored.localDate(), stored.answers(), scores.total(),
                scores.band(), scores.band().interpretation(), subscales,
                new PracticeSuggestion(weakest.code(), weakest.kindLabel(), weakest.habit()));
    }
}
