package org.mhconnect.journal.checkin;

import java.util.List;
import java.util.Map;

/**
 * The self-compassion check-in: twelve statements answered from 1 (almost never) to 5 (almost always), built like
 * the short-form Self-Compassion Scale (Raes et al., 2011) with wording of our own. Six statements describe a
 * harsh way of relating to oneself and are reverse-scored (6 - answer) for the total.
 *
 * <p>It is a moment of reflection, not a diagnosis, and the product says so wherever scores are shown.
 */
public final class CheckInQuestionnaire {

    public enum Subscale {
        SELF_KINDNESS("self-kindness", "Self-kindness", false, "Self-kindness", "self-care", 2, 6),
        SELF_JUDGMENT("self-judgment", "Self-judgment", true, "Going easy on yourself (less self-judgment)",
                "challenge-negative-self-talk", 11, 12),
        COMMON_HUMANITY("common-humanity", "Common humanity", false, "Common humanity", "embrace-imperfection", 5, 10),
        ISOLATION("isolation", "Isolation", true, "Feeling connected (less isolation)", "seek-support", 4, 8),
        MINDFULNESS("mindfulness", "Mindfulness", false, "Mindfulness", "mindfulness", 3, 7),
        OVER_IDENTIFICATION("over-identification", "Over-identification", true,
                "Keeping perspective (less over-identification)", "mindfulness", 1, 9);

        private final String code;
        private final String label;
        private final boolean harsh;
        private final String kindLabel;
        private final String habit;
        private final List<Integer> items;

        Subscale(String code, String label, boolean harsh, String kindLabel, String habit, Integer... items) {
            this.code = code;
            this.label = label;
            this.harsh = harsh;
            this.kindLabel = kindLabel;
            this.habit = habit;
            this.items = List.of(items);
        }

        /**
         * The part's name read in the kind direction, so that every part of a result reads "higher is kinder":
         * a harsh part is named for its opposite ("Going easy on yourself" for self-judgment).
         */
        public String kindLabel() {
            return kindLabel;
        }

        /**
         * The library's habit (content items' {@code habits}) whose practices help this part grow: answering the
         * inner critic for self-judgment, mindfulness for over-identification, reaching out for isolation.
         */
        public String habit() {
            return habit;
        }

        /** A score of this part turned so that higher is kinder: a harsh part's 1 to 5 becomes 5 to 1. */
        public double kindness(double score) {
            return harsh ? Math.round((6 - score) * 100) / 100.0 : score;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** Whether a higher score means a harsher way of relating to oneself. */
        public boolean harsh() {
            return harsh;
        }

        /** Item numbers, 1-based. */
        public List<Integer> items() {
            return items;
        }
    }

    /** One statement. {@code reverseScored} items count as {@code 6 - answer} towards the total. */
    public record Item(int number, String text, boolean reverseScored) {
    }

    public static final List<Item> ITEMS = List.of(
            new Item(1, "When something goes wrong for me, I get stuck going over everything that is wrong with me.", true),
            new Item(2, "I try to be patient and understanding with the parts of myself I do not like.", false),
            new Item(3, "When something painful happens, I try to keep a balanced view of it.", false),
            new Item(4, "When I am feeling low, I tend to think that other people have an easier time than I do.", true),
            new Item(5, "I remind myself that feeling I have fallen short is something every person goes through.", false),
            new Item(6, "When I am going through a hard time, I give myself the care and tenderness I need.", false),
            new Item(7, "When something upsets me, I try to hold my feelings with curiosity and openness.", false),
            new Item(8, "When I fail at something that matters to me, I feel alone in that failure.", true),
            new Item(9, "When I am feeling low, my attention fixes on everything that feels wrong.", true),
            new Item(10, "When I feel not good enough, I remember that most people feel this way sometimes.", false),
            new Item(11, "I judge my own flaws and shortcomings harshly.", true),
            new Item(12, "I am impatient and unkind towards the parts of my personality I do not like.", true));

    public static final Map<Integer, String> SCALE = Map.of(1, "Almost never", 2, "Rarely", 3, "Sometimes",
            4, "Often", 5, "Almost always");

    public static final String NOTE = "This check-in is a moment of reflection, not a test and not a diagnosis. "
            + "Scores move with the days; what matters is how you treat yourself along the way.";

    /** Items 1, 4, 8, 9, 11 and 12. */
    public static boolean reverseScored(int itemNumber) {
        return ITEMS.get(itemNumber - 1).reverseScored();
    }

    private CheckInQuestionnaire() {
    }
}
