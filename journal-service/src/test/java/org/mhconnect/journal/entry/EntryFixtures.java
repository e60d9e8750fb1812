package org.mhconnect.journal.entry;

import java.util.List;
import java.util.UUID;

/** Named test data for journal entries. */
final class EntryFixtures {

    /** Words that must never appear outside journal-service. */
    static final String PRIVATE_WORDS = "Today my inner critic said I am hopeless at everything";

    static final String BERLIN = "Europe/Berlin";

    static NewEntry anEntry(String body) {
        return new NewEntry(body, 2, List.of("worried", "tired"), BERLIN);
    }

    static String aUser() {
        return UUID.randomUUID().toString();
    }

    private EntryFixtures() {
    }
}
