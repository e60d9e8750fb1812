package org.mhconnect.journal.entry;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a list asks for. Dates are the writer's local days, inclusive. A list of moods matches any of them;
 * emotions and tags must all be present. The text is searched in the opened entry, never in the database.
 */
record EntryFilter(LocalDate from, LocalDate to, List<Integer> moods, List<String> emotions, List<String> tags,
        String text) {

    EntryFilter {
        moods = moods == null ? List.of() : List.copyOf(moods);
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        text = text == null || text.isBlank() ? null : fold(text.strip());
    }

    boolean matches(EntryIndex.Summary summary, Set<String> tagTokens) {
        return (from == null || !summary.day().isBefore(from))
                && (to == null || !summary.day().isAfter(to))
                && (moods.isEmpty() || summary.mood() != null && moods.contains(summary.mood()))
                && summary.emotions().containsAll(emotions)
                && summary.tagTokens().containsAll(tagTokens);
    }

    /** Checked again on the entry itself, which is the truth if its summary is stale. */
    boolean matches(EntryView entry) {
        LocalDate day = entry.localDateTime().toLocalDate();
        boolean fields = (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to))
                && (moods.isEmpty() || entry.mood() != null && moods.contains(entry.mood()))
                && entry.emotions().containsAll(emotions)
                && entry.tags().stream().map(EntrySealing::normalizeTag).toList()
                        .containsAll(tags.stream().map(EntrySealing::normalizeTag).toList());
        return fields && (text == null || searchableText(entry).contains(text));
    }

    private static String searchableText(EntryView entry) {
        Stream<String> reframe = entry.reframe() == null ? Stream.empty()
                : Stream.of(entry.reframe().innerCritic(), entry.reframe().friend(), entry.reframe().kinderView());
        return fold(String.join("\n", Stream.of(Stream.of(entry.title(), entry.body()), reframe, entry.tags().stream())
                .flatMap(s -> s)
                .filter(s -> s != null)
                .toList()));
    }

    /** Case- and accent-insensitive: "cafe" finds "Café". */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
