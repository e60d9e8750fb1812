package org.mhconnect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class ThreadDumpOnTimeoutTest {

    @Test
    void recognisesTheWaysATestRunsOutOfTime() {
        assertThat(ThreadDumpOnTimeout.isTimeout(
                new IllegalStateException("Timeout on blocking read for 20000000000 NANOSECONDS"))).isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(new RuntimeException("wrapped", new TimeoutException()))).isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(new ConditionTimeoutLike("not fulfilled within 10 seconds"))).isTrue();
    }

    @Test
    void leavesOrdinaryFailuresAlone() {
        assertThat(ThreadDumpOnTimeout.isTimeout(new AssertionError("expected 201 but was 400"))).isFalse();
        assertThat(ThreadDumpOnTimeout.isTimeout(new IllegalStateException((String) null))).isFalse();
    }

    @Test
    void theDumpNamesEveryThreadWithItsStack() {
        String dump = ThreadDumpOnTimeout.dump("a test");

        assertThat(dump).startsWith("==== Threads at the timeout of a test ====")
                .contains('"' + Thread.currentThread().getName() + "\" RUNNABLE")
                .contains("org.mhconnect.testsupport.ThreadDumpOnTimeout.dump(")
                .endsWith("==== end of threads ====");
    }

    /** Stands for Awaitility's ConditionTimeoutException, which is recognised by its name. */
    private static final class ConditionTimeoutLike extends RuntimeException {
        ConditionTimeoutLike(String message) {
            super(message);
        }
    }
}
