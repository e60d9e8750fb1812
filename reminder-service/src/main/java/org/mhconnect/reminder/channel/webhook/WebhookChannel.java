package org.mhconnect.reminder.channel.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.dispatch.Attempt;
import org.mhconnect.reminder.dispatch.ChannelSender;
import org.mhconnect.reminder.dispatch.Notice;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook channel: a Standard Webhooks request ({@link WebhookSender}) to the person's endpoint, signed with
 * every current secret. The message id is the delivery id, the same on every attempt, so a receiver can drop repeats.
 * The payload is {@code {type, timestamp, data}}, as the specification suggests.
 */
@Component
public class WebhookChannel implements ChannelSender, AutoCloseable {

    private final WebhookSender sender;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    WebhookChannel(ReminderProperties properties, Clock clock) {
        this.clock = clock;
        this.sender = new WebhookSender(new WebhookUrlPolicy(properties.delivery().allowLoopbackWebhooks()), clock,
                properties.delivery().webhookTimeout());
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Attempt send(Notice notice, PreferencesDocument preferences) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reminderId", notice.reminderId());
        data.put("occurrenceId", notice.occurrenceId());
        data.put("kind", notice.kind());
        data.put("title", notice.title());
        data.put("message", notice.message());
        data.put("scheduledAt", notice.local().toInstant().toString());
        data.put("local", notice.local().toOffsetDateTime().toString());
        data.put("timeZone", notice.local().getZone().getId());
        data.put("links", notice.links());
        return send(preferences.webhook(), notice.deliveryId(), "reminder.due", data);
    }

    /** Sends one event to an endpoint; also for "send test". */
    public Attempt send(PreferencesDocument.Webhook webhook, String messageId, String type, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", clock.instant().toString());
        payload.put("data", data);
        List<WebhookSecret> secrets = webhook.secrets().stream().map(WebhookSecret::parse).toList();
        WebhookResult result;
        try {
            result = sender.send(URI.create(webhook.url()), messageId, json.writeValueAsString(payload), secrets);
        }
        catch (RefusedWebhookUrlException ex) {
            return new Attempt.Fail("the address was refused: " + ex.reason());
        }
        return switch (result) {
            case WebhookResult.Delivered delivered -> new Attempt.Sent(null);
            case WebhookResult.Gone gone -> new Attempt.Gone("the receiver answered 410 Gone");
            case WebhookResult.Failed failed when failed.retryable() -> new Attempt.Retry(failed.reason());
            case WebhookResult.Failed failed -> new Attempt.Fail(failed.reason());
        };
    }

    /** Checks an address a person wants to use; throws {@link RefusedWebhookUrlException} with the reason. */
    public void check(URI url, boolean allowLoopback) {
        new WebhookUrlPolicy(allowLoopback).check(url);
    }

    @Override
    public void close() {
        sender.close();
    }
}
