package org.mhconnect.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Many entries written at the same moment, by the same person on several devices, are all kept and all listed. */
@JournalIntegrationTest
class ConcurrentWritingTest {

    @Autowired
    RestTestClient http;

    @Test
    void entriesWrittenAtOnceAreAllListed() throws Exception {
        String writer = aUser();
        List<Future<String>> ids = new ArrayList<>();
        try (ExecutorService devices = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                ids.add(devices.submit(() -> http.post().uri("/api/journal/entries").headers(bearer(writer))
                        .contentType(MediaType.APPLICATION_JSON).body(anEntry("entry " + n)).exchange()
                        .expectStatus().isCreated()
                        .expectBody(EntryView.class).returnResult().getResponseBody().id()));
            }
        }
        List<String> written = new ArrayList<>();
        for (Future<String> id : ids) {
            written.add(id.get());
        }

        EntryPage page = http.get().uri("/api/journal/entries?size=100").headers(bearer(writer)).exchange()
                .expectStatus().isOk().expectBody(EntryPage.class).returnResult().getResponseBody();
        assertThat(page.items()).extracting(EntryView::id).containsExactlyInAnyOrderElementsOf(written);
    }
}
