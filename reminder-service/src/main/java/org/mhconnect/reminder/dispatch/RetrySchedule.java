package org.mhconnect.reminder.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery that did not arrive is tried again, and when it is given up. Plain Java, no Spring, no MongoDB.
 *
 * <p>The wait before attempt {@code n + 1} is drawn between half and all of {@code first · 2^(n−1)}, capped at
 * {@code cap}: 1–2 s, 2–4 s, 4–8 s… up to 30–60 s with the defaults. The cap keeps a receiver that comes back after
 * an outage of minutes waiting at most that long for what piled up, and the jitter keeps every delivery that
 * failed together from arriving together when it returns.
 *
 * <p>Attempts go on until the delivery's window has passed, measured from when it was due: the shorter of the
 * reminder's grace period (the same bound after which an occurrence the engine fires late is recorded as missed,
 * not sent) and {@code window}, a limit for every reminder. A reminder loses its point a while after its time, and a
 * receiver gone for longer than that is better told by a failed delivery in the history than by a late catch-up. An
 * attempt that would fall after the window's end is made at its end instead, so the last one comes as late as is
 * still useful; once it fails, the delivery is given up. The count of attempts is bounded by the window and the cap
 * (with the defaults about 85 in an hour, never more than 130).
 */
final class RetrySchedule {

    private final Duration first;
    private final Duration cap;
    private final Duration window;
    private final DoubleSupplier random;

    /**
     * @param first  the longest wait before the second attempt
     * @param cap    the longest wait between two attempts
     * @param window the longest time after its due time that a delivery is still attempted
     * @param random numbers in [0, 1) for the jitter
     */
    RetrySchedule(Duration first, Duration cap, Duration window, DoubleSupplier random) {
        if (!first.isPositive() || !cap.isPositive() || window.isNegative()) {
            throw new IllegalArgumentException("Backoffs must be positive and the retry window not negative");
        }
        this.first = first;
        this.cap = cap;
        this.window = window;
        this.random = random;
    }

    /** The longest wait after attempt {@code attempts} (1 for the first): {@code first · 2^(attempts−1)}, capped. */
    Duration ceiling(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 31) {
            return cap;
        }
        long millis = first.toMillis();
        long doubled = millis > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE : millis << doublings;
        return doubled >= cap.toMillis() ? cap : Duration.ofMillis(doubled);
    }

    /** The end of a delivery's window: its due time plus the shorter of its grace period and the window. */
    Instant deadline(Instant dueAt, Duration gracePeriod) {
        return dueAt.plus(gracePeriod.compareTo(window) < 0 ? gracePeriod : window);
    }

    /**
     * @param attempts    the attempts made so far, the failed one included
     * @param dueAt       when the delivery was due (the occurrence's fire time)
     * @param gracePeriod the reminder's grace period
     * @param now         the moment the attempt failed
     * @return when to try again, or empty when the window has passed and the delivery is given up
     */
    Optional<Instant> next(int attempts, Instant dueAt, Duration gracePeriod, Instant now) {
        Instant deadline = deadline(dueAt, gracePeriod);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        long ceiling = ceiling(attempts).toMillis();
        long wait = Math.max(1, ceiling - (long) (random.getAsDouble() * (ceiling / 2.0)));
        Instant next = now.plusMillis(wait);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
