package org.mhconnect.reminder.channel.webhook;

/** Rotating or testing needs a webhook: 404 when none is set up. */
public class NoWebhookException extends RuntimeException {

    NoWebhookException() {
        super("no webhook");
    }
}
