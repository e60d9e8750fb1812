/**
 * Whether an occurrence of a reminder is skipped, and why, as plain Java: no Spring, no MongoDB. The engine applies
 * {@link org.mhconnect.reminder.skip.SkipRule} when an occurrence's time comes, the dispatcher applies its journaling
 * part (the engine never reads the journaled days), and the API applies the whole of it to the occurrences still to
 * come, so what a person is promised and what happens are decided by the same rule.
 */
package org.mhconnect.reminder.skip;
