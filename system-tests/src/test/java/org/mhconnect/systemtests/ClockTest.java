package org.mhconnect.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test on the shared system that spends most of its time waiting for the clock: for a reminder's minute to come, or
 * for a delivery lease to run out. These classes run in a lane of their own beside the main lane and the fault tests'
 * lane, one at a time, so their waits overlap the other lanes' work instead of adding to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ClockTest.LANE)
@interface ClockTest {

    /** The lane the clock-waiting classes share, one class at a time. */
    String LANE = "the clock-waiting lane";
}
