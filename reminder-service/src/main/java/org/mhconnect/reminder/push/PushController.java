package org.mhconnect.reminder.push;

import java.net.URI;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.channel.webhook.RefusedWebhookUrlException;
import org.mhconnect.reminder.channel.webhook.WebhookUrlPolicy;
import org.mhconnect.reminder.definition.InvalidReminderException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push set-up for the caller's browsers: the VAPID public key for {@code PushManager.subscribe}, and storing or
 * removing a subscription (the JSON a browser's {@code PushSubscription.toJSON()} gives). The endpoint must be an
 * {@code https} address that passes the webhook channel's SSRF rules ({@link WebhookUrlPolicy}); where loopback
 * webhooks are allowed (run.sh, tests), {@code http} to this machine is accepted too.
 */
@RestController
@RequestMapping("/api/notifications/push")
class PushController {

    private final VapidKeys keys;
    private final PushSubscriptions subscriptions;
    private final WebhookUrlPolicy policy;
    private final boolean allowLoopback;

    PushController(VapidKeys keys, PushSubscriptions subscriptions, ReminderProperties properties) {
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.allowLoopback = properties.delivery().allowLoopbackWebhooks();
        this.policy = new WebhookUrlPolicy(allowLoopback);
    }

    record PublicKey(String publicKey) {
    }

    /** @param expirationTime what browsers send along; not used */
    record SubscriptionRequest(@NotBlank @Size(max = WebhookUrlPolicy.MAX_URL_LENGTH) String endpoint,
            @NotNull @Valid Keys keys, Long expirationTime) {
    }

    record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {
    }

    record Unsubscribe(@NotBlank @Size(max = WebhookUrlPolicy.MAX_URL_LENGTH) String endpoint) {
    }

    @GetMapping("/public-key")
    ResponseEntity<PublicKey> publicKey() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new PublicKey(keys.publicKey()));
    }

    @PutMapping("/subscriptions")
    ResponseEntity<Void> subscribe(Authentication caller, @Valid @RequestBody SubscriptionRequest request) {
        URI endpoint = endpoint(request.endpoint());
        byte[] p256dh = decoded("keys.p256dh", request.keys().p256dh());
        try {
            P256.decode(p256dh);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidReminderException("keys.p256dh", "This is not the browser's P-256 public key (65 bytes, uncompressed).");
        }
        if (decoded("keys.auth", request.keys().auth()).length != 16) {
            throw new InvalidReminderException("keys.auth", "The authentication secret must be 16 bytes.");
        }
        subscriptions.subscribe(caller.getName(), endpoint.toString(), P256.base64Url(p256dh),
                P256.base64Url(P256.fromBase64Url(request.keys().auth())));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/subscriptions")
    ResponseEntity<Void> unsubscribe(Authentication caller, @Valid @RequestBody Unsubscribe request) {
        subscriptions.unsubscribe(caller.getName(), request.endpoint().strip());
        return ResponseEntity.noContent().build();
    }

    private URI endpoint(String text) {
        URI url;
        try {
            url = URI.create(text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidReminderException("endpoint", "This is not a web address.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLoopback && scheme.equals("http") && loopback(url))) {
            throw new InvalidReminderException("endpoint", "A push service address must start with https://.");
        }
        try {
            policy.check(url);
        }
        catch (RefusedWebhookUrlException ex) {
            throw new InvalidReminderException("endpoint", "This address cannot receive reminders: " + ex.reason() + ".");
        }
        return url;
    }

    private static boolean loopback(URI url) {
        return "127.0.0.1".equals(url.getHost()) || "[::1]".equals(url.getHost());
    }

    private static byte[] decoded(String field, String base64Url) {
        try {
            return P256.fromBase64Url(base64Url);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidReminderException(field, "This is not Base64url.");
        }
    }
}
