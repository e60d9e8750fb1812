package org.mhconnect.gateway;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings, under {@code mhc.gateway}. The routes in {@code application.yml} read the service
 * addresses from here, so {@code MHC_GATEWAY_SERVICES_CONTENT} and friends move a service.
 *
 * @param services where each service answers
 */
@Validated
@ConfigurationProperties("mhc.gateway")
public record GatewayProperties(@DefaultValue Services services) {

    /** The base address of each service. */
    public record Services(
            @NotNull @DefaultValue("http://localhost:8081") URI content,
            @NotNull @DefaultValue("http://localhost:8082") URI journal,
            @NotNull @DefaultValue("http://localhost:8083") URI reminder) {
    }
}
