package org.mhconnect.journal.insight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mhconnect.journal.entry.EntryIndex.Summary;
import org.mhconnect.events.journal.Emotions;

/**
 * Gentle insights over a range of the writer's local days, computed from the entry summaries alone: no entry is
 * opened to compute them. Days are the days the writer lived them, in their own time zone.
 *
 * @param moodByDay   every day of the range: the mean mood of its entries that have one (absent on a day without) and the
 *                    mean of the daily means over the seven days ending that day
 * @param emotions    how often each emotion was named, most frequent first
 * @param weekdays    Monday to Sunday: how many entries, and their mean mood
 * @param practice    mood on days with a practice (completed in the player, or named by an entry) compared with days
 *                    without one, once there are enough days of each to compare
 * @param consistency on how many of the range's days something was written
 */
public record Insights(LocalDate from, LocalDate to, int entries, List<DayMood> moodByDay,
        List<EmotionCount> emotions, List<WeekdayPattern> weekdays, PracticeComparison practice,
        Consistency consistency) {

    public record DayMood(LocalDate date, Double mean, int entries, Double movingAverage7) {
    }

    public record EmotionCount(String code, String label, int count, double share) {
    }

    public record WeekdayPattern(DayOfWeek day, int entries, Double averageMood) {
    }

    /**
     * Practice days against mood. A practice day is a day of the range with a practice completed in the player or an
     * entry that names one. Only days with a mood take part in the comparison.
     *
     * @param completions     practices completed in the player during the range
     * @param daysPractised   practice days in the range, with a mood or not
     * @param withPractice    practice days that have a mood, and their mean mood
     * @param withoutPractice days with a mood and no practice, and their mean mood
     * @param difference      mean mood with a practice minus without; absent unless {@code enoughToCompare}
     * @param enoughToCompare whether each side has at least {@code minimumDays} days with a mood: with fewer, one
     *                        unusual day would decide the answer, so no difference is given
     */
    public record PracticeComparison(int completions, int daysPractised, Group withPractice, Group withoutPractice,
            Double difference, boolean enoughToCompare, int minimumDays) {

        /** Fewer days than this on either side, and the comparison would say more than the days can. */
        public static final int MINIMUM_DAYS = 3;

        public record Group(int days, Double averageMood) {
        }
    }

    /**
     * Showing up, said plainly: on how many of the range's days something was written, such as 1 of 30. It is a
     * count, not a score, so it cannot claim more than happened; the message stays kind whatever the count.
     *
     * @param daysJournaled days in the range with at least one entry
     * @param days          days in the range
     */
    public record Consistency(int daysJournaled, int days, String message) {
    }

    static Insights of(LocalDate from, LocalDate to, List<Summary> summaries) {
        return of(from, to, summaries, List.of());
    }

    /**
     * @param completedDays the local day of each practice completed in the player (one per completion, so a day can
     *                      appear more than once)
     */
    static Insights of(LocalDate from, LocalDate to, List<Summary> summaries, List<LocalDate> completedDays) {
        List<Summary> inRange = summaries.stream()
                .filter(s -> !s.day().isBefore(from) && !s.day().isAfter(to))
                .toList();
        Map<LocalDate, List<Summary>> byDay = inRange.stream()
                .collect(Collectors.groupingBy(Summary::day, TreeMap::new, Collectors.toList()));
        // A day's mean mood is over the entries that have one; a day written without any mood has no mean.
        Map<LocalDate, Double> dailyMean = new TreeMap<>();
        byDay.forEach((day, list) -> meanMood(list).ifPresent(mean -> dailyMean.put(day, mean)));

        List<DayMood> moodByDay = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate weekStart = day.minusDays(6);
            LocalDate end = day;
            List<Double> window = dailyMean.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(weekStart) && !e.getKey().isAfter(end))
                    .map(Map.Entry::getValue)
                    .toList();
            moodByDay.add(new DayMood(day, round(dailyMean.get(day)), byDay.getOrDefault(day, List.of()).size(),
                    window.isEmpty() ? null : round(window.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
        }

        return new Insights(from, to, inRange.size(), moodByDay, emotions(inRange), weekdays(inRange),
                practice(from, to, byDay, dailyMean, completedDays), consistency(from, to, byDay.keySet()));
    }

    private static List<EmotionCount> emotions(List<Summary> entries) {
        Map<String, Long> counts = entries.stream().flatMap(s -> s.emotions().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new EmotionCount(e.getKey(), Emotions.byCode(e.getKey()).map(Emotions.Emotion::label).orElse(e.getKey()),
                        e.getValue().intValue(), round((double) e.getValue() / total)))
                .toList();
    }

    private static List<WeekdayPattern> weekdays(List<Summary> entries) {
        List<WeekdayPattern> patterns = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Summary> onDay = entries.stream().filter(s -> s.day().getDayOfWeek() == day).toList();
            patterns.add(new WeekdayPattern(day, onDay.size(),
                    round(meanMood(onDay).stream().boxed().findFirst().orElse(null))));
        }
        return patterns;
    }

    private static PracticeComparison practice(LocalDate from, LocalDate to, Map<LocalDate, List<Summary>> byDay,
            Map<LocalDate, Double> dailyMean, List<LocalDate> completedDays) {
        List<LocalDate> completedInRange = completedDays.stream()
                .filter(day -> !day.isBefore(from) && !day.isAfter(to))
                .toList();
        Set<LocalDate> practised = new TreeSet<>(completedInRange);
        byDay.forEach((day, list) -> {
            if (list.stream().anyMatch(s -> s.practiceId() != null)) {
                practised.add(day);
            }
        });
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        dailyMean.forEach((day, mean) -> (practised.contains(day) ? with : without).add(mean));
        boolean enough = with.size() >= PracticeComparison.MINIMUM_DAYS && without.size() >= PracticeComparison.MINIMUM_DAYS;
        Double withMean = mean(with);
        Double withoutMean = mean(without);
        return new PracticeComparison(completedInRange.size(), practised.size(),
                new PracticeComparison.Group(with.size(), round(withMean)),
                new PracticeComparison.Group(without.size(), round(withoutMean)),
                enough ? round(withMean - withoutMean) : null, enough, PracticeComparison.MINIMUM_DAYS);
    }

    static Consistency consistency(LocalDate from, LocalDate to, Set<LocalDate> journaled) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        int written = (int) journaled.stream().filter(day -> !day.isBefore(from) && !day.isAfter(to)).count();
        String message = written == 0 ? "Whenever you are ready, a few words are enough to begin."
                : written * 2 >= days ? "You keep coming back to yourself. That is the practice."
                : "Every entry counts, whenever it comes. There is nothing to catch up on.";
        return new Consistency(written, days, message);
    }

    /** The mean of the moods given; entries written without a mood are left out, not counted as zero. */
    private static OptionalDouble meanMood(List<Summary> entries) {
        return entries.stream().map(Summary::mood).filter(Objects::nonNull).mapToInt(Integer::intValue).average();
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
