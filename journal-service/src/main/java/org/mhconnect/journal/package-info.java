/**
 * journal-service owns the private journal. {@code entry} records and reads entries; {@code safety} keeps each
 * person's safety plan; {@code outbox} makes sure every recorded entry's event reaches Kafka, even when the broker
 * is away for a while.
 */
package org.mhconnect.journal;
