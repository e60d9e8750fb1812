/**
 * The contract between services: event records, the topics that carry them and the logical type names
 * that appear in the {@code ce_type} and {@code __TypeId__} headers. Plain JDK types only, so that no
 * service learns another's internals through this module.
 */
package org.mhconnect.events;
