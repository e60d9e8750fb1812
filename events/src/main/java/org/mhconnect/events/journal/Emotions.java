package org.mhconnect.events.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed emotion vocabulary, grouped by how pleasant a feeling is and how much energy it carries (the four
 * quadrants of a mood meter). Codes are stable and travel in {@link JournalEntryRecorded}; labels are for people.
 * journal-service accepts only these codes, and content-service's recommendations read them, so both share this
 * one list.
 */
public final class Emotions {

    public enum Pleasantness { PLEASANT, UNPLEASANT }

    public enum Energy { HIGH, LOW }

    public record Emotion(String code, String label, Pleasantness pleasantness, Energy energy) {
    }

    public static final List<Emotion> ALL = List.of(
            // pleasant, high energy
            new Emotion("joyful", "Joyful", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("excited", "Excited", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("proud", "Proud", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("hopeful", "Hopeful", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("inspired", "Inspired", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("playful", "Playful", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("energised", "Energised", Pleasantness.PLEASANT, Energy.HIGH),
            new Emotion("confident", "Confident", Pleasantness.PLEASANT, Energy.HIGH),
            // pleasant, low energy
            new Emotion("calm", "Calm", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("content", "Content", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("grateful", "Grateful", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("relaxed", "Relaxed", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("relieved", "Relieved", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("safe", "Safe", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("tender", "Tender", Pleasantness.PLEASANT, Energy.LOW),
            new Emotion("peaceful", "Peaceful", Pleasantness.PLEASANT, Energy.LOW),
            // unpleasant, high energy
            new Emotion("anxious", "Anxious", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("worried", "Worried", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("stressed", "Stressed", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("overwhelmed", "Overwhelmed", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("angry", "Angry", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("frustrated", "Frustrated", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("irritated", "Irritated", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("afraid", "Afraid", Pleasantness.UNPLEASANT, Energy.HIGH),
            new Emotion("restless", "Restless", Pleasantness.UNPLEASANT, Energy.HIGH),
            // unpleasant, low energy
            new Emotion("sad", "Sad", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("lonely", "Lonely", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("tired", "Tired", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("disappointed", "Disappointed", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("ashamed", "Ashamed", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("guilty", "Guilty", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("discouraged", "Discouraged", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("numb", "Numb", Pleasantness.UNPLEASANT, Energy.LOW),
            new Emotion("hopeless", "Hopeless", Pleasantness.UNPLEASANT, Energy.LOW));

    private static final Map<String, Emotion> BY_CODE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Emotion::code, Function.identity()));

    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<Emotion> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private Emotions() {
    }
}
