package org.mhconnect.reminder.dispatch;

/** How one attempt to send on one channel went. */
public sealed interface Attempt {

    /** It arrived. {@code reference} is the inbox item's id for the inbox channel, else null. */
    record Sent(String reference) implements Attempt {
    }

    /** It did not arrive this time, and may if tried again (a timeout, a 5xx, a 429). */
    record Retry(String reason) implements Attempt {
    }

    /** It cannot arrive: trying again will not help (a refused address, a 4xx). */
    record Fail(String reason) implements Attempt {
    }

    /** The receiver asked never to be sent anything again (a webhook's 410 Gone). */
    record Gone(String reason) implements Attempt {
    }
}
