package org.mhconnect.operations;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;

/**
 * Health status, and nothing else, for the public port once actuator has moved to the management port: the overall
 * status and the liveness and readiness groups, as {@code {"status":"UP"}} with 200, or 503 when down. Existing
 * probes, scripts and tests keep their paths; which component is down, and why, stays on the management port.
 */
public final class PublicHealth {

    /** The paths answered on the public port: the overall status, and each probe group by its name. */
    public static final String OVERALL = "/actuator/health";

    private final HealthEndpoint health;
    private final HttpCodeStatusMapper codes;

    public PublicHealth(HealthEndpoint health, HttpCodeStatusMapper codes) {
        this.health = health;
        this.codes = codes;
    }

    /** An answer: its HTTP status and body; null when there is no such group. */
    public record Answer(int httpStatus, Map<String, String> body) {
    }

    /** The overall status when {@code group} is null, else that group's (liveness, readiness), or null if unknown. */
    public Answer of(String group) {
        HealthDescriptor descriptor = group == null ? health.health() : health.healthForPath(group);
        if (descriptor == null) {
            return null;
        }
        return new Answer(codes.getStatusCode(descriptor.getStatus()), Map.of("status", descriptor.getStatus().getCode()));
    }
}
