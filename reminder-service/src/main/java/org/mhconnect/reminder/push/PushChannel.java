package org.mhconnect.reminder.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.actions.ActionLinks;
import org.mhconnect.reminder.channel.webhook.RefusedWebhookUrlException;
import org.mhconnect.reminder.channel.webhook.WebhookUrlPolicy;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.dispatch.Attempt;
import org.mhconnect.reminder.dispatch.ChannelSender;
import org.mhconnect.reminder.dispatch.Notice;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push channel: the reminder goes to every browser the person subscribed, encrypted for each
 * ({@link PayloadEncryption}, {@code aes128gcm}) and signed with the deployment's VAPID key ({@link VapidKeys}). A push
 * service's 404 or 410 means the subscription is gone: it is removed. Once one device has it, the delivery is sent.
 * When none has, 408, 429, 5xx and network errors are tried again (the whole delivery, like every channel; the
 * notification's {@code tag} is the occurrence id, so a browser that had it already replaces it rather than showing it
 * twice); any other answer is a failure. The payload carries the title,
 * the message, the page to open and signed links for "snooze" and "done", never anything else.
 */
@Component
class PushChannel implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushChannel.class);
    /** Room for the title, links and JSON around the message within one record. */
    private static final int MAX_MESSAGE = 1000;

    private final PushSubscriptions subscriptions;
    private final VapidKeys vapid;
    private final ActionLinks links;
    private final WebhookUrlPolicy policy;
    private final Duration ttl;
    private final Duration timeout;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    PushChannel(PushSubscriptions subscriptions, VapidKeys vapid, ActionLinks links, ReminderProperties properties) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.links = links;
        this.policy = new WebhookUrlPolicy(properties.delivery().allowLoopbackWebhooks());
        this.ttl = properties.push().ttl();
        this.timeout = properties.push().timeout();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public Attempt send(Notice notice, PreferencesDocument preferences) {
        List<PushSubscriptionsDocument.Device> devices = subscriptions.of(notice.userId());
        if (devices.isEmpty()) {
            return new Attempt.Fail("no device is subscribed to push notifications");
        }
        byte[] payload = payload(notice);
        int sent = 0;
        List<String> retry = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (PushSubscriptionsDocument.Device device : devices) {
            Outcome outcome = send(device, payload);
            switch (outcome.kind()) {
                case SENT -> sent++;
                case GONE -> {
                    subscriptions.unsubscribe(notice.userId(), device.endpoint());
                    failed.add(outcome.reason() + "; the subscription was removed");
                }
                case RETRY -> retry.add(outcome.reason());
                case FAIL -> failed.add(outcome.reason());
            }
        }
        // Once one device has it, the reminder has reached the person. A retry goes to every device, and retries now
        // go on for up to an hour: a notification dismissed on the phone would come back there every minute.
        if (sent > 0) {
            return new Attempt.Sent(null);
        }
        return retry.isEmpty() ? new Attempt.Fail(String.join("; ", failed)) : new Attempt.Retry(String.join("; ", retry));
    }

    private byte[] payload(Notice notice) {
        String message = notice.message() == null ? "" : notice.message();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", notice.title());
        data.put("body", message);
        data.put("tag", notice.occurrenceId());
        data.put("reminderId", notice.reminderId());
        data.put("url", notice.links().open());
        data.put("actions", List.of(
                Map.of("action", "snooze", "title", "Snooze 15 min", "link", notice.links().snooze15Minutes()),
                Map.of("action", "done", "title", "Done", "link",
                        links.link(notice.userId(), notice.reminderId(), notice.occurrenceId(), ActionLinks.Action.DONE))));
        return json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    }

    enum Kind { SENT, GONE, RETRY, FAIL }

    record Outcome(Kind kind, String reason) {
    }

    private Outcome send(PushSubscriptionsDocument.Device device, byte[] payload) {
        URI endpoint = URI.create(device.endpoint());
        try {
            policy.check(endpoint);
        }
        catch (RefusedWebhookUrlException ex) {
            return new Outcome(Kind.FAIL, "the push service address was refused: " + ex.reason());
        }
        byte[] body = PayloadEncryption.encrypt(payload, P256.decode(P256.fromBase64Url(device.p256dh())),
                P256.fromBase64Url(device.auth()));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", vapid.authorization(endpoint))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(ttl.toSeconds()))
                .header("Urgency", "high")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String service = endpoint.getHost();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(Kind.SENT, null);
            }
            String answered = "the push service " + service + " answered " + status;
            if (status == 404 || status == 410) {
                return new Outcome(Kind.GONE, answered);
            }
            if (status == 408 || status == 429 || status >= 500) {
                return new Outcome(Kind.RETRY, answered);
            }
            log.info("Push to {} refused with {}", service, status);
            return new Outcome(Kind.FAIL, answered);
        }
        catch (IOException ex) {
            return new Outcome(Kind.RETRY, "the push service " + service + " could not be reached (" + ex.getClass().getSimpleName() + ")");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.RETRY, "the push was interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
