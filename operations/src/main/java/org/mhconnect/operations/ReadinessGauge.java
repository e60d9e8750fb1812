package org.mhconnect.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/** {@code mhc.readiness}: 1 while the service accepts traffic, 0 otherwise; a flapping value is an alert. */
final class ReadinessGauge implements MeterBinder {

    private final ApplicationAvailability availability;

    ReadinessGauge(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mhc.readiness", availability,
                        a -> a.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? 1 : 0)
                .description("1 when the service accepts traffic (its readiness state), 0 otherwise")
                .strongReference(true).register(registry);
    }
}
