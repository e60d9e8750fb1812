package org.mhconnect.reminder.channel.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.InvalidReminderException;
import org.mhconnect.reminder.dispatch.Attempt;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's webhook: set up (the secret is shown this once), rotate (the previous secret keeps signing alongside
 * the new one until the next rotation, so the receiver can switch without losing a request), remove, and send a test.
 */
@RestController
@RequestMapping("/api/notifications/webhook")
class WebhookController {

    private final Preferences preferences;
    private final WebhookChannel channel;
    private final ReminderProperties properties;

    WebhookController(Preferences preferences, WebhookChannel channel, ReminderProperties properties) {
        this.preferences = preferences;
        this.channel = channel;
        this.properties = properties;
    }

    record WebhookRequest(@NotBlank @Size(max = 2000) String url) {
    }

    /** @param secret shown only in this answer: keep it where the receiver can read it */
    record WebhookCreated(String url, String secret) {
    }

    @PutMapping
    ResponseEntity<WebhookCreated> set(Authentication caller, @Valid @RequestBody WebhookRequest request) {
        URI url = url(request.url());
        WebhookSecret secret = WebhookSecret.generate();
        preferences.setWebhook(caller.getName(), new PreferencesDocument.Webhook(url.toString(), List.of(secret.encoded()), null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new WebhookCreated(url.toString(), secret.encoded()));
    }

    @PostMapping("/rotate")
    ResponseEntity<WebhookCreated> rotate(Authentication caller) {
        PreferencesDocument.Webhook current = existing(caller.getName());
        WebhookSecret secret = WebhookSecret.generate();
        preferences.setWebhook(caller.getName(), new PreferencesDocument.Webhook(current.url(),
                List.of(secret.encoded(), current.secrets().getFirst()), current.disabledReason()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new WebhookCreated(current.url(), secret.encoded()));
    }

    @DeleteMapping
    ResponseEntity<Void> remove(Authentication caller) {
        preferences.setWebhook(caller.getName(), null);
        return ResponseEntity.noContent().build();
    }

    /** @param reason why it did not arrive, when it did not */
    record TestResult(boolean delivered, String reason) {
    }

    /** Sends a {@code webhook.test} event now, once, and says how it went. */
    @PostMapping("/test")
    TestResult test(Authentication caller) {
        PreferencesDocument.Webhook webhook = existing(caller.getName());
        Attempt attempt = channel.send(new PreferencesDocument.Webhook(webhook.url(), webhook.secrets(), null),
                "test-" + UUID.randomUUID(), "webhook.test",
                Map.of("message", "This is a test from Mental Health Connect. Your webhook works."));
        return switch (attempt) {
            case Attempt.Sent sent -> new TestResult(true, null);
            case Attempt.Retry retry -> new TestResult(false, retry.reason());
            case Attempt.Fail fail -> new TestResult(false, fail.reason());
            case Attempt.Gone gone -> new TestResult(false, gone.reason());
        };
    }

    private PreferencesDocument.Webhook existing(String userId) {
        PreferencesDocument.Webhook webhook = preferences.of(userId).webhook();
        if (webhook == null) {
            throw new NoWebhookException();
        }
        return webhook;
    }

    private URI url(String text) {
        URI url;
        try {
            url = URI.create(text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidReminderException("url", "This is not a web address.");
        }
        try {
            channel.check(url, properties.delivery().allowLoopbackWebhooks());
        }
        catch (RefusedWebhookUrlException ex) {
            throw new InvalidReminderException("url", "This address cannot receive reminders: " + ex.reason() + ".");
        }
        return url;
    }
}
