package org.mhconnect.journal.entry;

import java.util.List;
import java.util.Locale;

import org.mhconnect.journal.crypto.DataKey;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry's words (title, body, reframe, tags) sealed under the owner's data key before they reach the database, and
 * opened after; tags are also kept as keyed tokens, so that a filter by tag needs no words.
 */
@Component
class EntrySealing {

    static final String SEALED_PURPOSE = "entry";

    private final JsonMapper json;

    EntrySealing(JsonMapper json) {
        this.json = json;
    }

    static PrivateFields wordsOf(EntryRequest request) {
        return new PrivateFields(request.title(), request.body(), request.reframe(), request.tagsOrNone());
    }

    byte[] seal(DataKey key, String entryId, PrivateFields words) {
        return key.seal(SEALED_PURPOSE, entryId, json.writeValueAsBytes(words));
    }

    EntryView open(DataKey key, JournalEntryDocument entry) {
        PrivateFields words = json.readValue(key.open(SEALED_PURPOSE, entry.id(), entry.sealed()), PrivateFields.class);
        return EntryView.of(entry, words);
    }

    static List<String> tagTokens(DataKey key, List<String> tags) {
        return tags.stream().map(tag -> key.tagToken(normalizeTag(tag))).distinct().toList();
    }

    static String normalizeTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
