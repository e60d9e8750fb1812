package org.mhconnect.reminder.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

/**
 * Makes one delivery attempt of a JSON body to a webhook endpoint: a {@code POST} with the Standard Webhooks headers,
 * over HTTP/1.1, signed at the moment of the attempt so a retry carries a fresh timestamp under the same message id.
 *
 * <p>The URL is checked with the {@link WebhookUrlPolicy} right before every attempt, because what a host name
 * resolves to can change after the endpoint was registered. Redirects are not followed, since a redirect could lead
 * past that check; an endpoint that redirects has failed. Requests go straight to the endpoint, never through a
 * proxy, so the addresses checked are the ones connected to. Connecting and waiting for the answer are each limited
 * by the timeout (10 seconds unless told otherwise); the response body is never read.
 *
 * <p>The outcome is a {@link WebhookResult}: 2xx is delivered; 410 is gone; 408, 425, 429, 5xx, timeouts and
 * connection errors may work later; other 4xx, redirects and refused URLs will not. No reason mentions the body, the
 * URL or a secret.
 */
public final class WebhookSender implements AutoCloseable {

    /** How long connecting, and then waiting for the response, may each take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The {@code user-agent} of every delivery. */
    public static final String USER_AGENT = "MentalHealthConnect-Webhooks/1";

    private final WebhookUrlPolicy policy;
    private final WebhookSigner signer;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient client;

    /** A sender with the default timeout of 10 seconds. */
    public WebhookSender(WebhookUrlPolicy policy, Clock clock) {
        this(policy, clock, DEFAULT_TIMEOUT);
    }

    /**
     * @param policy checks each URL right before it is called
     * @param clock gives each attempt its {@code webhook-timestamp}
     * @param timeout how long connecting, and then waiting for the response, may each take
     */
    public WebhookSender(WebhookUrlPolicy policy, Clock clock, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The webhook timeout must be positive");
        }
        this.policy = policy;
        this.signer = new WebhookSigner();
        this.clock = clock;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * Delivers a body once.
     *
     * @param url the endpoint
     * @param msgId the message id, the same on every attempt of one message
     * @param json the body, already serialised; sent and signed as UTF-8
     * @param secrets the endpoint's current secrets, at least one
     */
    public WebhookResult send(URI url, String msgId, String json, List<WebhookSecret> secrets) {
        try {
            policy.check(url);
        }
        catch (RefusedWebhookUrlException ex) {
            return new WebhookResult.Failed("the URL was refused: " + ex.reason(), false);
        }
        Map<String, String> signature = signer.headers(msgId, clock.instant(), json, secrets);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        signature.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Closing the unread body drops the connection, so an endpoint cannot keep us reading.
            response.body().close();
            return outcome(response.statusCode());
        }
        catch (HttpConnectTimeoutException ex) {
            return new WebhookResult.Failed("connecting to the endpoint timed out after " + seconds(), true);
        }
        catch (HttpTimeoutException ex) {
            return new WebhookResult.Failed("the endpoint did not answer within " + seconds(), true);
        }
        catch (ConnectException ex) {
            return new WebhookResult.Failed("the endpoint could not be reached", true);
        }
        catch (SSLException ex) {
            return new WebhookResult.Failed("the secure (TLS) connection to the endpoint failed", true);
        }
        catch (IOException ex) {
            return new WebhookResult.Failed("the connection to the endpoint failed (" + ex.getClass().getSimpleName() + ")",
                    true);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new WebhookResult.Failed("the delivery was interrupted", true);
        }
    }

    static WebhookResult outcome(int status) {
        if (status >= 200 && status < 300) {
            return new WebhookResult.Delivered(status);
        }
        if (status == 410) {
            return new WebhookResult.Gone();
        }
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            return new WebhookResult.Failed("the endpoint answered " + status + ", to be tried again later", true);
        }
        if (status >= 300 && status < 400) {
            return new WebhookResult.Failed("the endpoint answered with a redirect (" + status
                    + "), which webhooks do not follow", false);
        }
        return new WebhookResult.Failed("the endpoint answered " + status, false);
    }

    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " seconds" : millis + " milliseconds";
    }

    /** Closes the HTTP client; sends after this fail. */
    @Override
    public void close() {
        client.close();
    }
}
