import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The containers' health probe: GETs the URL given as the only argument and exits 0 when it answers 200,
 * 1 otherwise (Docker reserves 2). The runtime image has no curl; this needs nothing but the JRE.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java HealthCheck <url>");
            System.exit(1);
        }
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(TIMEOUT).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println(args[0] + " answered " + status);
        }
        catch (Exception ex) {
            System.err.println(args[0] + ": " + ex);
        }
        System.exit(1);
    }
}
