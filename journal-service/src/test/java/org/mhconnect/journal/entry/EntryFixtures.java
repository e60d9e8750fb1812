package org.mhconnect.journal.entry;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.mhconnect.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;

/** Named test data for journal entries. */
public final class EntryFixtures {

    /** Words that must never appear outside journal-service. */
    public static final String PRIVATE_WORDS = "Today my inner critic said I am hopeless at everything";

    public static final String BERLIN = "Europe/Berlin";

    public static EntryRequest anEntry(String body) {
        return new EntryRequest(null, BERLIN, null, body, 2, List.of("worried", "tired"), null, null, null, null);
    }

    /** A full entry at a given local time, with a title, tags, a practice and a reframe. */
    public static EntryRequest aFullEntry(LocalDateTime at, int mood, List<String> emotions, List<String> tags,
            String practiceId) {
        return new EntryRequest(at, BERLIN, "A title about the day", "A body about " + at.toLocalDate(), mood, emotions,
                tags, practiceId, new Reframe("You always mess up", "Anyone would find that hard", "I did my best today"),
                null);
    }

    public static EntryRequest changed(EntryRequest request, long version) {
        return new EntryRequest(request.localDateTime(), request.timeZone(), request.title(), request.body(),
                request.mood(), request.emotions(), request.tags(), request.practiceId(), request.reframe(), version);
    }

    public static String aUser() {
        return UUID.randomUUID().toString();
    }

    public static Consumer<HttpHeaders> bearer(String userId) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(userId));
    }

    private EntryFixtures() {
    }
}
