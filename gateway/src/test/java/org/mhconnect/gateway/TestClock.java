package org.mhconnect.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock in tests: the system clock until a test stops it at an instant of its choosing and moves it
 * on. A test that stops it puts it back ({@link #resume()}), since every test of the shared context sees it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> stopped = new AtomicReference<>();

    /** Stops the clock at this instant. */
    public void stopAt(Instant instant) {
        stopped.set(instant);
    }

    /** Moves a stopped clock on. */
    public void advance(Duration duration) {
        stopped.updateAndGet(instant -> {
            if (instant == null) {
                throw new IllegalStateException("Stop the clock before moving it on");
            }
            return instant.plus(duration);
        });
    }

    /** Follows the system clock again. */
    public void resume() {
        stopped.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = stopped.get();
        return instant != null ? instant : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The gateway's clock is UTC");
    }

    /** Puts the test clock in place of the system clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
