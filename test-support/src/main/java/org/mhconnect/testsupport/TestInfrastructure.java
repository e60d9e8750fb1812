package org.mhconnect.testsupport;

import java.util.Locale;

/**
 * Starts Kafka and MongoDB once per test JVM and hands the same instances to every test.
 *
 * <p>The switch is the system property {@code mhc.test.infra} or the environment variable
 * {@code MHC_TEST_INFRA}:
 * <ul>
 * <li>{@code embedded} (the default): a real Kafka broker in KRaft mode in-process, and mongo-java-server,
 * so the suite runs where no Docker engine exists;</li>
 * <li>{@code containers}: Testcontainers with pinned real images of Kafka and MongoDB.</li>
 * </ul>
 * The tests are the same either way.
 */
public final class TestInfrastructure {

    public static final String SWITCH_PROPERTY = "mhc.test.infra";
    public static final String SWITCH_VARIABLE = "MHC_TEST_INFRA";

    private static Infrastructure shared;

    /** The shared infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized Infrastructure get() {
        if (shared == null) {
            shared = start(mode());
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stop, "test-infrastructure-stop"));
        }
        return shared;
    }

    static String mode() {
        String value = System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_VARIABLE));
        return value == null || value.isBlank() ? "embedded" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static Infrastructure start(String mode) {
        return switch (mode) {
            case "embedded" -> EmbeddedInfrastructure.start();
            case "containers" -> ContainerInfrastructure.start();
            default -> throw new IllegalArgumentException(
                    SWITCH_PROPERTY + " must be 'embedded' or 'containers', not '" + mode + "'");
        };
    }

    private static synchronized void stop() {
        if (shared instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // The JVM is exiting; say so rather than hide it, and let the exit go on.
                System.err.println("Test infrastructure did not stop cleanly: " + ex);
            }
        }
    }

    private TestInfrastructure() {
    }
}
