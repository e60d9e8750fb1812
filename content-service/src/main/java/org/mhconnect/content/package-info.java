/**
 * content-service owns the library. {@code library} holds the items and their HTTP API; {@code web} the
 * service's problem details; {@code messaging} the topics it owns.
 */
package org.mhconnect.content;
