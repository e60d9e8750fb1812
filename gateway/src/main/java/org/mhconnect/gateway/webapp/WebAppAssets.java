package org.mhconnect.gateway.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.WebFilter;

/**
 * How the web app's files are served. The modules keep plain names, because ES module imports cannot be
 * rewritten without a build step; instead every file carries a strong ETag of its content, and with
 * {@code Cache-Control: no-cache} the browser asks again each time and gets 304 until a release changes it.
 */
@Configuration(proxyBeanMethods = false)
class WebAppAssets {

    /** Each file is hashed once per version of it (its address and modification time). */
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    /** The installed app's manifest; Spring's list of file types does not know {@code .webmanifest}. */
    static final MediaType WEB_MANIFEST = MediaType.parseMediaType("application/manifest+json");

    @Bean
    ResourceHandlerRegistrationCustomizer contentEtags() {
        return registration -> {
            registration.setEtagGenerator(this::etagOf);
            registration.setMediaTypes(Map.of("webmanifest", WEB_MANIFEST));
        };
    }

    /**
     * {@code /} is served as {@code /index.html} by the static resource handler, so the page gets the same
     * ETag and caching as its scripts (Boot's welcome page would send it without either).
     */
    @Bean
    @Order(-400)
    WebFilter rootAsIndexPage() {
        return (exchange, chain) -> {
            var request = exchange.getRequest();
            if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
                if ("/".equals(request.getPath().value())) {
                    return chain.filter(exchange.mutate().request(request.mutate().path("/index.html").build()).build());
                }
            }
            return chain.filter(exchange);
        };
    }

    private String etagOf(Resource resource) {
        try {
            String key = resource.getURL() + "@" + resource.lastModified();
            return etags.computeIfAbsent(key, unused -> hash(resource));
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static String hash(Resource resource) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource.getContentAsByteArray());
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
