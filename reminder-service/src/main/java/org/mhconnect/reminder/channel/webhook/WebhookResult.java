package org.mhconnect.reminder.channel.webhook;

/**
 * How one delivery attempt went. No variant carries the request or response body.
 */
public sealed interface WebhookResult {

    /** The endpoint answered with a 2xx status. */
    record Delivered(int status) implements WebhookResult {
    }

    /** The endpoint answered 410 Gone: it wants no more deliveries, and the caller disables it. */
    record Gone() implements WebhookResult {
    }

    /**
     * The delivery did not arrive.
     *
     * @param reason what happened, in plain English, safe to show the endpoint's owner
     * @param retryable whether a later attempt may succeed (timeouts, connection errors, 408, 425, 429, 5xx), as opposed
     *        to an answer or a refusal that will stay the same (other 4xx, redirects, a refused URL)
     */
    record Failed(String reason, boolean retryable) implements WebhookResult {
    }
}
