package org.mhconnect.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test that stops or breaks a part of the system (MongoDB, Kafka, a service) or poisons its topics. It uses
 * {@link RunningSystem#forFaults()}, a system of its own, never the shared one, and runs beside the other tests,
 * one fault test at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(FaultTest.SYSTEM)
@interface FaultTest {

    /** The fault tests' own system, which one of them at a time may break. */
    String SYSTEM = "the fault tests' system";
}
