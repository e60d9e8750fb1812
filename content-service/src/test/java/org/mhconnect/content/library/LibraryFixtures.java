package org.mhconnect.content.library;

import java.util.List;

/** Named test data for the library. */
final class LibraryFixtures {

    /** Items the team's seed library contains. */
    static final List<String> SEEDED_SLUGS = List.of("what-self-compassion-is", "answering-the-inner-critic",
            "a-breathing-space", "a-letter-from-a-kind-friend");

    /** An editor's draft that readers must not see. */
    static final String DRAFT_SLUG = "an-unfinished-draft";

    private LibraryFixtures() {
    }
}
