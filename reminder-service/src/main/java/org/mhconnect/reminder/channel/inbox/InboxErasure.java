package org.mhconnect.reminder.channel.inbox;

import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A deleted account's inbox goes, after its deliveries and reminders. */
@Component
@Order(ReminderErasure.INBOX)
class InboxErasure implements ReminderErasure {

    private final Inbox inbox;

    InboxErasure(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public long eraseAllOf(String userId) {
        return inbox.eraseAllOf(userId);
    }
}
