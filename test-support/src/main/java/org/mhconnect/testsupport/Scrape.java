package org.mhconnect.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of a service's {@code /actuator/prometheus} (the text exposition format), and questions about it: which
 * series exist, and their values. For the operator-metrics tests of every service.
 */
public final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> samples;

    private Scrape(String text) {
        this.samples = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** Reads {@code <baseUrl>/actuator/prometheus}; fails unless it answers 200. */
    public static Scrape of(String baseUrl) {
        HttpResponse<String> response = get(baseUrl + "/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /actuator/prometheus answered " + response.statusCode() + " at " + baseUrl);
        }
        return new Scrape(response.body());
    }

    /** A plain GET, for checking what a port answers. */
    public static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The sample lines of a metric ({@code name} or {@code name{labels}}), each as it was scraped. */
    public List<String> series(String name) {
        return samples.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    /** The value of the first series of {@code name} whose labels include every one of {@code labels} ({@code k="v"}). */
    public Optional<Double> value(String name, String... labels) {
        return series(name).stream().filter(line -> List.of(labels).stream().allMatch(line::contains)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }

    /** The {@code application} label of every series of {@code name}. */
    public List<String> applications(String name) {
        Pattern application = Pattern.compile("application=\"([^\"]*)\"");
        return series(name).stream().map(line -> {
            Matcher matcher = application.matcher(line);
            return matcher.find() ? matcher.group(1) : "";
        }).toList();
    }
}
