package org.mhconnect.reminder.definition;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The ids of one person's reminders ({@code _id} = user id), so listing them is a lookup by {@code _id} and an
 * {@code $in}, never a query on a secondary index. Adding an id is conditional on the list holding fewer than
 * {@link Reminders#MAX_PER_PERSON}, in one update, so the limit holds under concurrent requests. {@code claims}
 * remembers when each place was taken, so only a place left behind by a crashed request is ever given back.
 */
@Document("reminder_owners")
record OwnerIndex(@Id String userId, List<String> ids, java.util.Map<String, java.time.Instant> claims) {
}
