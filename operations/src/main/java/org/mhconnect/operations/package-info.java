/**
 * What every service shows its operators: actuator on a management port, health status alone on the public port,
 * and the meters every service shares (readiness, outbox backlog and age, consumer lag, dead letters), sampled in
 * the background so that no request waits for a metric.
 */
package org.mhconnect.operations;
