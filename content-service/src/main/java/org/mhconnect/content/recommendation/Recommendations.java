package org.mhconnect.content.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mhconnect.content.library.PublishedItems;
import org.mhconnect.content.library.PublishedItems.Practice;
import org.springframework.stereotype.Component;

/**
 * "A practice for right now": ranks the published practices for a mood, some emotions and the minutes someone has,
 * and says why in a sentence. Deterministic and explainable: each emotion points to the habits that tend to help
 * with it, a low mood favours soothing and caring practices, and a practice longer than the time available is left
 * out.
 */
@Component
class Recommendations {

    static final int LIMIT = 5;

    /** Which habits tend to help with each emotion of the journal's vocabulary ({@code Emotions}); a test keeps them in step. */
    static final Map<String, List<String>> HABITS_FOR_EMOTION = Map.ofEntries(
            Map.entry("anxious", List.of("mindfulness", "self-care")),
            Map.entry("worried", List.of("mindfulness", "challenge-negative-self-talk")),
            Map.entry("stressed", List.of("mindfulness", "self-care")),
            Map.entry("overwhelmed", List.of("mindfulness", "self-care")),
            Map.entry("afraid", List.of("mindfulness", "seek-support")),
            Map.entry("restless", List.of("mindfulness")),
            Map.entry("angry", List.of("mindfulness")),
            Map.entry("frustrated", List.of("mindfulness", "embrace-imperfection")),
            Map.entry("irritated", List.of("mindfulness")),
            Map.entry("sad", List.of("self-care", "seek-support")),
            Map.entry("lonely", List.of("seek-support", "self-care")),
            Map.entry("tired", List.of("self-care")),
            Map.entry("disappointed", List.of("embrace-imperfection", "challenge-negative-self-talk")),
            Map.entry("ashamed", List.of("challenge-negative-self-talk", "embrace-imperfection")),
            Map.entry("guilty", List.of("challenge-negative-self-talk", "embrace-imperfection")),
            Map.entry("discouraged", List.of("embrace-imperfection", "challenge-negative-self-talk")),
            Map.entry("numb", List.of("mindfulness", "self-care")),
            Map.entry("hopeless", List.of("seek-support", "self-care")),
            Map.entry("joyful", List.of("mindfulness")),
            Map.entry("excited", List.of("mindfulness")),
            Map.entry("proud", List.of("self-care")),
            Map.entry("hopeful", List.of("self-care")),
            Map.entry("inspired", List.of("self-care")),
            Map.entry("playful", List.of("embrace-imperfection")),
            Map.entry("energised", List.of("self-care")),
            Map.entry("confident", List.of("embrace-imperfection")),
            Map.entry("calm", List.of("mindfulness")),
            Map.entry("content", List.of("mindfulness")),
            Map.entry("grateful", List.of("self-care")),
            Map.entry("relaxed", List.of("mindfulness")),
            Map.entry("relieved", List.of("self-care")),
            Map.entry("safe", List.of("self-care")),
            Map.entry("tender", List.of("self-care")),
            Map.entry("peaceful", List.of("mindfulness")));

    static final Map<String, String> HABIT_WORDS = Map.of(
            "challenge-negative-self-talk", "answering the inner critic",
            "mindfulness", "noticing what is here without judging it",
            "embrace-imperfection", "making room for imperfection",
            "self-care", "caring for yourself",
            "seek-support", "reaching out");

    private final PublishedItems items;

    Recommendations(PublishedItems items) {
        this.items = items;
    }

    record Recommendation(String slug, String title, String summary, int minutes, List<String> habits, String reason,
            int score) {
    }

    /**
     * @param supportSuggested true for a very low mood or hopelessness: the client should show support as well
     */
    record Answer(List<Recommendation> items, boolean supportSuggested) {
    }

    Answer recommend(Integer mood, List<String> emotions, Integer minutes) {
        Set<String> wanted = new LinkedHashSet<>();
        emotions.forEach(emotion -> wanted.addAll(HABITS_FOR_EMOTION.getOrDefault(emotion, List.of())));
        if (mood != null && mood <= 2) {
            wanted.add("self-care");
            wanted.add("mindfulness");
        }
        List<Recommendation> ranked = new ArrayList<>();
        for (Practice practice : items.practices()) {
            if (minutes != null && practice.minutes() > minutes) {
                continue;
            }
            List<String> matched = practice.habits().stream().filter(wanted::contains).toList();
            int score = 10 * matched.size();
            if (minutes != null) {
                score += 5 - Math.min(5, Math.abs(minutes - practice.minutes()) / 2);
            }
            if (mood != null && mood <= 2 && practice.minutes() <= 5) {
                score += 3; // On a hard day, something short is easier to begin.
            }
            ranked.add(new Recommendation(practice.slug(), practice.title(), practice.summary(), practice.minutes(),
                    practice.habits(), reason(matched, emotions, mood, minutes, practice.minutes()), score));
        }
        ranked.sort(Comparator.comparingInt(Recommendation::score).reversed().thenComparing(Recommendation::minutes)
                .thenComparing(Recommendation::slug));
        boolean support = (mood != null && mood == 1) || emotions.contains("hopeless");
        return new Answer(List.copyOf(ranked.subList(0, Math.min(LIMIT, ranked.size()))), support);
    }

    private static String reason(List<String> matched, List<String> emotions, Integer mood, Integer minutes, int length) {
        List<String> parts = new ArrayList<>();
        if (!matched.isEmpty()) {
            String feeling = emotions.stream().filter(e -> HABITS_FOR_EMOTION.getOrDefault(e, List.of()).contains(matched.getFirst()))
                    .findFirst().orElse(null);
            String habit = HABIT_WORDS.get(matched.getFirst());
            parts.add(feeling != null ? "When you feel " + feeling + ", " + habit + " can help"
                    : mood != null && mood <= 2 ? "On a hard day, " + habit + " can help" : "It is about " + habit);
        }
        if (minutes != null) {
            parts.add("it fits in the " + minutes + " minutes you have (" + length + " min)");
        }
        if (parts.isEmpty()) {
            return "A gentle practice to try any time (" + length + " min).";
        }
        String sentence = String.join(", and ", parts) + ".";
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
