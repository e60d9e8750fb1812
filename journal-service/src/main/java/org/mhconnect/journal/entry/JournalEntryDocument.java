package org.mhconnect.journal.entry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An entry as stored. Title, body, reframe and custom tags are one AES-256-GCM ciphertext ({@code sealed}) under the
 * writer's data key; tags are also kept as keyed blind tokens so they can be filtered on. The mood, emotion codes
 * and the local date stay readable: they are what insights and other services are allowed to know.
 *
 * <p>Reads go by {@code _id} (one entry, or a page of ids through {@code $in}), which every MongoDB indexes. A change
 * or a delete matches {@code _id} and {@code version} together, the optimistic lock; the unique {@code id_version}
 * index serves exactly that query, which mongo-java-server otherwise answers by scanning (it uses an index only
 * for a query on exactly that index's fields). The owner index serves erasure on a real MongoDB; mongo-java-server
 * scans for it, which erasure can afford.
 */
@Document("entries")
@CompoundIndex(name = "owner_local", def = "{'userId': 1, 'localDateTime': -1}")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record JournalEntryDocument(
        @Id String id,
        String userId,
        LocalDateTime localDateTime,
        String timeZone,
        Integer mood,
        List<String> emotions,
        String practiceId,
        List<String> tagTokens,
        byte[] sealed,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
