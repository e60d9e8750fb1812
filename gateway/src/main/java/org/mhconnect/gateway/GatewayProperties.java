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

    /** The base address of each service; {@code application.yml} holds the defaults. */
    public record Services(@NotNull URI content, @NotNull URI journal, @NotNull URI reminder) {
    }
}
