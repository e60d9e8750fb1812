package org.mhconnect.idempotency;

/** The {@code Idempotency-Key} header and what a valid one looks like. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** The key as sent, or {@code null} without one; a 400 {@link IdempotencyProblem} when it is not valid. */
    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw IdempotencyProblem.invalidKey();
        }
        return key;
    }

    private IdempotencyKey() {
    }
}
