package org.mhconnect.journal.safety;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A safety plan as stored: one per person, {@code _id} = user id. Everything the person wrote is one AES-256-GCM
 * ciphertext ({@code sealed}) under their data key; only the times and the version stay readable. A change matches
 * {@code _id} and {@code version}, which the unique {@code id_version} index serves on mongo-java-server too.
 */
@Document("safety_plans")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record SafetyPlanDocument(@Id String userId, byte[] sealed, Instant createdAt, Instant updatedAt, long version) {
}
