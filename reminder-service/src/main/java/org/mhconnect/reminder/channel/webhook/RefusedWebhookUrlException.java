package org.mhconnect.reminder.channel.webhook;

/**
 * A webhook URL that this service will not call, because of its form or because it points into a network that the
 * public must not reach through us. {@link #reason()} says why in plain English and is safe to show the endpoint's
 * owner: it names neither the URL nor the addresses its host resolved to, so it tells nothing about our network.
 */
public class RefusedWebhookUrlException extends RuntimeException {

    private final String reason;

    public RefusedWebhookUrlException(String reason) {
        super("Refused webhook URL: " + reason);
        this.reason = reason;
    }

    /** Why the URL is refused, as one plain sentence without a full stop. */
    public String reason() {
        return reason;
    }
}
