package org.mhconnect.reminder.channel.email;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.dispatch.Attempt;
import org.mhconnect.reminder.dispatch.ChannelSender;
import org.mhconnect.reminder.dispatch.Notice;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mail through SMTP (Spring Mail): plain text and HTML, the snooze, skip and stop links, and one-click unsubscribe
 * per RFC 8058 ({@code List-Unsubscribe} with an https link and {@code List-Unsubscribe-Post}). The person's own words
 * are HTML-escaped. A message id made from the delivery id lets a mail system recognise a repeat.
 */
@Component
class EmailChannel implements ChannelSender {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private final JavaMailSender mail;
    private final ReminderProperties properties;

    EmailChannel(JavaMailSender mail, ReminderProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Attempt send(Notice notice, PreferencesDocument preferences) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.delivery().mailFrom());
            helper.setTo(preferences.email());
            helper.setSubject(notice.title());
            helper.setText(text(notice), html(notice));
            message.setHeader("List-Unsubscribe", "<" + notice.links().unsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("X-MHC-Delivery", notice.deliveryId());
            mail.send(message);
            return new Attempt.Sent(null);
        }
        catch (MailException ex) {
            return new Attempt.Retry("the mail server did not accept it (" + ex.getClass().getSimpleName() + ")");
        }
        catch (MessagingException ex) {
            return new Attempt.Fail("the message could not be built (" + ex.getClass().getSimpleName() + ")");
        }
    }

    static String text(Notice notice) {
        Notice.Links links = notice.links();
        return notice.message() + "\n\n"
                + "Open: " + links.open() + "\n\n"
                + "Not now? Snooze for 15 minutes: " + links.snooze15Minutes() + "\n"
                + "Snooze for an hour: " + links.snoozeHour() + "\n"
                + "Remind me tomorrow: " + links.snoozeTomorrow() + "\n"
                + "Skip the next one: " + links.skipNext() + "\n"
                + "Stop this reminder: " + links.stop() + "\n\n"
                + "You asked for this reminder for " + WHEN.format(notice.local()) + " (" + notice.local().getZone().getId() + ").\n"
                + "No more reminder e-mails: " + links.unsubscribe() + "\n";
    }

    static String html(Notice notice) {
        Notice.Links links = notice.links();
        return "<!doctype html><html lang=\"en\"><body style=\"font-family: sans-serif; line-height: 1.5; color: #1f2a30\">"
                + "<h1 style=\"font-size: 1.3em\">" + HtmlUtils.htmlEscape(notice.title()) + "</h1>"
                + "<p>" + HtmlUtils.htmlEscape(notice.message()) + "</p>"
                + "<p><a href=\"" + attr(links.open()) + "\">Open Mental Health Connect</a></p>"
                + "<p>Not now? <a href=\"" + attr(links.snooze15Minutes()) + "\">Snooze 15 minutes</a> · "
                + "<a href=\"" + attr(links.snoozeHour()) + "\">1 hour</a> · "
                + "<a href=\"" + attr(links.snoozeTomorrow()) + "\">Tomorrow</a> · "
                + "<a href=\"" + attr(links.skipNext()) + "\">Skip the next one</a> · "
                + "<a href=\"" + attr(links.stop()) + "\">Stop this reminder</a></p>"
                + "<p style=\"font-size: 0.85em; color: #55606a\">You asked for this reminder for "
                + HtmlUtils.htmlEscape(WHEN.format(notice.local())) + " (" + HtmlUtils.htmlEscape(notice.local().getZone().getId())
                + "). <a href=\"" + attr(links.unsubscribe()) + "\">No more reminder e-mails</a>.</p>"
                + "</body></html>";
    }

    private static String attr(String url) {
        return HtmlUtils.htmlEscape(url);
    }
}
