package org.mhconnect.journal.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mhconnect.journal.checkin.CheckInQuestionnaire.Subscale;

/**
 * The scores of one check-in.
 *
 * @param total     the mean of all twelve answers after reverse-scoring, 1 to 5, two decimals
 * @param band      low (below 2.5), moderate (2.5 to 3.5) or high (above 3.5)
 * @param subscales the mean of each subscale's answers, as given (so a high self-judgment score means more
 *                  self-judgment), by subscale code
 */
public record CheckInScores(double total, Band band, Map<String, Double> subscales) {

    public enum Band {
        LOW("Right now, being kind to yourself seems hard. That is a very human place to be, and noticing it is "
                + "already a kind act. Small steps help: a breathing space, or a few words to yourself as to a friend."),
        MODERATE("You are kind to yourself some of the time, and harder on yourself at other times. That mix is "
                + "common. The practices in the library can help the kind voice come a little more easily."),
        HIGH("You often meet your own difficulties with warmth and perspective. Keep noticing what helps you, "
                + "and lean on it on the harder days, which come for everyone.");

        private final String interpretation;

        Band(String interpretation) {
            this.interpretation = interpretation;
        }

        public String interpretation() {
            return interpretation;
        }

        static Band of(double score) {
            if (score < 2.5) {
                return LOW;
            }
            return score > 3.5 ? HIGH : MODERATE;
        }
    }

    /** Scores twelve answers from 1 to 5, in item order. The caller has checked their count and range. */
    public static CheckInScores of(List<Integer> answers) {
        if (answers.size() != CheckInQuestionnaire.ITEMS.size()) {
            throw new InvalidCheckInException("A check-in needs exactly 12 answers.");
        }
        double sum = 0;
        for (int item = 1; item <= answers.size(); item++) {
            int answer = answers.get(item - 1);
            if (answer < 1 || answer > 5) {
                throw new InvalidCheckInException("Every answer must be a whole number from 1 to 5.");
            }
            sum += CheckInQuestionnaire.reverseScored(item) ? 6 - answer : answer;
        }
        Map<String, Double> subscales = new LinkedHashMap<>();
        for (Subscale subscale : Subscale.values()) {
            double subscaleSum = subscale.items().stream().mapToInt(item -> answers.get(item - 1)).sum();
            subscales.put(subscale.code(), round(subscaleSum / subscale.items().size()));
        }
        double total = round(sum / answers.size());
        return new CheckInScores(total, Band.of(total), subscales);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
