/**
 * The webhook channel of reminders, as plain components: no Spring wiring, settings through the constructors.
 * Deliveries follow the <a href="https://www.standardwebhooks.com">Standard Webhooks</a> specification, so a receiver
 * can check them with any of its libraries. {@link org.mhconnect.reminder.channel.webhook.WebhookSecret} is an
 * endpoint's {@code whsec_} signing secret; {@link org.mhconnect.reminder.channel.webhook.WebhookSigner} makes the
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers;
 * {@link org.mhconnect.reminder.channel.webhook.WebhookUrlPolicy} keeps webhooks off this service's own network
 * (server-side request forgery); {@link org.mhconnect.reminder.channel.webhook.WebhookSender} makes one delivery attempt
 * and says, as a {@link org.mhconnect.reminder.channel.webhook.WebhookResult}, whether it worked, whether to try again,
 * or whether the endpoint is gone for good.
 */
package org.mhconnect.reminder.channel.webhook;
