/**
 * How events travel between services. Publishing adds the CloudEvents headers and keys each record by user;
 * receiving maps logical type ids back to records and sends what cannot be handled to a dead-letter topic.
 */
package org.mhconnect.kafkaevents;
