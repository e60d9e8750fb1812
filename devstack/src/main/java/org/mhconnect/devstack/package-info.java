/**
 * The embedded default infrastructure. {@link org.mhconnect.devstack.DevStack} runs it as one process for
 * {@code ./run.sh}; tests use the same building blocks through test-support.
 */
package org.mhconnect.devstack;
