package org.mhconnect.journal.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.mhconnect.journal.checkin.CheckInQuestionnaire.Subscale;

/** One check-in as its owner sees it, with the gentle reading of its total. */
record CheckInView(String id, Instant takenAt, LocalDate localDate, List<Integer> answers, double total,
        CheckInScores.Band band, String interpretation, List<SubscaleScore> subscales) {

    /** @param harsh whether a higher score here means a harsher way of relating to oneself */
    record SubscaleScore(String code, String label, double score, boolean harsh, List<Integer> items) {
    }

    static CheckInView of(CheckIns.Stored stored) {
        CheckInScores scores = CheckInScores.of(stored.answers());
        List<SubscaleScore> subscales = Arrays.stream(Subscale.values())
                .map(s -> new SubscaleScore(s.code(), s.label(), scores.subscales().get(s.code()), s.harsh(), s.items()))
                .toList();
        return new CheckInView(stored.id(), stored.takenAt(), stored.localDate(), stored.answers(), scores.total(),
                scores.band(), scores.band().interpretation(), subscales);
    }
}
