package org.mhconnect.operations;

import java.time.Duration;
import java.util.Set;

/**
 * What a request that failed because a part of the system was away answers: 503 with {@code Retry-After}, never a
 * 500 and never a hang. {@link #storageAway} recognises MongoDB that cannot be reached or did not answer in time
 * ({@link MongoClientTimeouts}), whether Spring translated the driver's exception or not. By class name, so that
 * callers need neither Spring's data access classes nor the driver.
 */
public final class Outages {

    /** How long a client is asked to wait before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Set<String> STORAGE_AWAY = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException");

    private Outages() {
    }

    /** Whether the failure, or anything that caused it, says MongoDB was away. */
    public static boolean storageAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (STORAGE_AWAY.contains(type.getName())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
