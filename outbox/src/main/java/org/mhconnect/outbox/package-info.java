/**
 * The services' transactional outbox, without transactions (mongo-java-server has none): {@link
 * org.mhconnect.outbox.Outbox} stages an event before the change it describes, releases it after, and relays what a
 * request could not release.
 */
package org.mhconnect.outbox;
