package org.mhconnect.reminder.dispatch;

import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.preferences.PreferencesDocument;

/** Sends a reminder on one channel. Never throws for a delivery problem: it answers with an {@link Attempt}. */
public interface ChannelSender {

    Channel channel();

    Attempt send(Notice notice, PreferencesDocument preferences);
}
