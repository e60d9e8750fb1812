package org.mhconnect.journal.entry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;

/** Where a page ended: the local time and id of its last entry, as an opaque cursor. */
record Position(LocalDateTime at, String id) {

    static Position of(EntryView entry) {
        return new Position(entry.localDateTime(), entry.id());
    }

    static Position parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Position(LocalDateTime.parse(parts[0]), parts[1]);
        }
        catch (RuntimeException ex) {
            throw new InvalidEntryException("'cursor' is not one this service gave out.");
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((EntryIndex.sortable(at) + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a summary comes after this position in newest-first order. */
    boolean isAfter(EntryIndex.Summary summary) {
        int byTime = summary.at().compareTo(at);
        return byTime < 0 || (byTime == 0 && summary.id().compareTo(id) < 0);
    }
}
