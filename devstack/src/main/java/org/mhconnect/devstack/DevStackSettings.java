package org.mhconnect.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where devstack listens and keeps its data. Every value can be overridden by an environment variable
 * (for {@code ./run.sh}) or a system property of the same name in lower case with dots (for tests).
 *
 * @param kafkaPort  the Kafka broker's client port; 9092 by default
 * @param mongoPort  the MongoDB wire-protocol port; 27017 by default
 * @param smtpPort   the mail catcher's SMTP port; 3025 by default
 * @param mailUiPort the mail viewer web page; 8025 by default
 * @param dataDir    where MongoDB and Kafka data survive restarts; {@code .data/devstack} by default
 * @param faultControl whether the mail viewer's port also takes {@code POST /control/...} to stop and start MongoDB
 *                   and restart Kafka, for fault tests; off by default ({@code DEVSTACK_FAULT_CONTROL=true})
 */
public record DevStackSettings(int kafkaPort, int mongoPort, int smtpPort, int mailUiPort, Path dataDir,
        boolean faultControl) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_MAIL_UI_PORT = 8025;

    /** Reads the settings from system properties first, then the environment, then the defaults. */
    public static DevStackSettings fromEnvironment() {
        return from(name -> System.getProperty(name.toLowerCase().replace('_', '.'), System.getenv(name)));
    }

    static DevStackSettings from(Map<String, String> values) {
        return from(values::get);
    }

    private static DevStackSettings from(Function<String, String> lookup) {
        return new DevStackSettings(
                port(lookup, "DEVSTACK_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(lookup, "DEVSTACK_MONGO_PORT", DEFAULT_MONGO_PORT),
                port(lookup, "DEVSTACK_SMTP_PORT", DEFAULT_SMTP_PORT),
                port(lookup, "DEVSTACK_MAIL_UI_PORT", DEFAULT_MAIL_UI_PORT),
                Path.of(valueOr(lookup, "DEVSTACK_DATA_DIR", ".data/devstack")),
                Boolean.parseBoolean(valueOr(lookup, "DEVSTACK_FAULT_CONTROL", "false").trim()));
    }

    private static int port(Function<String, String> lookup, String name, int fallback) {
        String value = valueOr(lookup, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be a port between 1 and 65535, not " + value);
            }
            return port;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", ex);
        }
    }

    private static String valueOr(Function<String, String> lookup, String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
