package org.mhconnect.journal.entry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mhconnect.journal.support.SupportBlock;
import org.mhconnect.journal.support.SupportOffer;
import org.mhconnect.journal.support.SupportSuggestion;

/**
 * An entry as its owner sees it.
 *
 * @param mood       1 to 5, absent when the writer left it out
 * @param support    present only in the answer to a save whose words suggest the writer may be in danger
 * @param suggestion present only in the answer to a save whose words sound hopeless, or that the crisis detector
 *                   cannot read (another language): a gentle support link
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryView(String id, LocalDateTime localDateTime, String timeZone, String title, String body, Integer mood,
        List<String> emotions, List<String> tags, String practiceId, Reframe reframe, Instant createdAt,
        Instant updatedAt, long version, SupportBlock support, SupportSuggestion suggestion) {

    static EntryView of(JournalEntryDocument entry, PrivateFields words) {
        return new EntryView(entry.id(), entry.localDateTime(), entry.timeZone(), words.title(), words.body(),
                entry.mood(), entry.emotions(), words.tags(), entry.practiceId(), words.reframe(), entry.createdAt(),
                entry.updatedAt(), entry.version(), null, null);
    }

    EntryView withSupport(SupportOffer offer) {
        return new EntryView(id, localDateTime, timeZone, title, body, mood, emotions, tags, practiceId, reframe,
                createdAt, updatedAt, version, offer.support(), offer.suggestion());
    }

    @Override
    public String toString() {
        return "EntryView[" + id + "]";
    }
}
