package org.mhconnect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No test can hang the build: the parent pom gives every test JVM (Surefire's and Failsafe's) a default timeout for
 * each test and lifecycle method, and JUnit prints every thread's stack before it interrupts a test that ran out of
 * time, so a stall shows where it waits. A module's test JVM is also stopped after its process timeout.
 */
class SuiteCannotHangTest {

    /** Hands each test its own extension context, which reads the configuration parameters the build passed. */
    @RegisterExtension
    static final ParameterResolver CONTEXT = new ParameterResolver() {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ExtensionContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context;
        }
    };

    @Test
    void everyTestRunsUnderADefaultTimeout(ExtensionContext context) {
        assertThat(context.getConfigurationParameter("junit.jupiter.execution.timeout.default")).hasValue("5 m");
    }

    @Test
    void aTimeoutPrintsEveryThreadsStack(ExtensionContext context) {
        assertThat(context.getConfigurationParameter("junit.jupiter.execution.timeout.threaddump.enabled"))
                .hasValue("true");
    }
}
