package org.mhconnect.resourceserver;

import java.time.Clock;
import java.util.List;

import org.mhconnect.tokenrules.AccessTokenRules;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security of every MVC service: stateless, bearer tokens only (no cookie ever reaches a service, so there
 * is nothing for CSRF to forge), health and API docs open, the configured public reads open, everything else
 * for a valid access token whose subject is the caller.
 */
@AutoConfiguration
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerAutoConfiguration {

    static final List<String> ALWAYS_OPEN = List.of("/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder accessTokenDecoder(ResourceServerProperties properties) {
        // Tokens are judged by the wall clock, as the gateway that stamps them reads it.
        Clock clock = Clock.systemUTC();
        return new RememberedTokens(AccessTokenDecoder.create(properties, clock), clock);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ResourceServerProperties properties, JwtDecoder decoder,
            Environment environment) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(ALWAYS_OPEN.toArray(String[]::new)).permitAll();
                    requests.requestMatchers(onManagementPort(environment)).permitAll();
                    properties.publicGetPaths().forEach(path -> requests.requestMatchers(HttpMethod.GET, path).permitAll());
                    properties.publicPaths().forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(AccessTokenRules.authentication()))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /**
     * Requests that arrived on actuator's own port (metrics, Prometheus, health details): that port is reached from
     * the monitoring network only (loopback under run.sh, a NetworkPolicy in Kubernetes), and never maps anything
     * of the API. Boot publishes the port it bound as {@code local.management.port}; the public port never matches.
     */
    static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null && management > 0 && !management.equals(server)
                    && request.getLocalPort() == management && request.getRequestURI().startsWith("/actuator");
        };
    }
}
