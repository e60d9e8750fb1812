/**
 * The {@code Idempotency-Key} header on the services' creating {@code POST}s: the same key with the same body within
 * 24 hours gives the first answer again instead of writing twice. See this module's README.
 */
package org.mhconnect.idempotency;
