package org.mhconnect.reminder.digest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.actions.ActionLinks;
import org.mhconnect.reminder.actions.ActionLinks.Action;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The digest e-mail: short, plain text and HTML, a link to each item in the app, and a one-click "no more digests"
 * (RFC 8058: {@code List-Unsubscribe} with a signed https link, and {@code List-Unsubscribe-Post}). Titles and
 * summaries are HTML-escaped.
 */
@Component
class DigestMail {

    static final String SUBJECT = "New in the library this week";

    private final JavaMailSender mail;
    private final ReminderProperties properties;
    private final ActionLinks links;

    DigestMail(JavaMailSender mail, ReminderProperties properties, ActionLinks links) {
        this.mail = mail;
        this.properties = properties;
        this.links = links;
    }

    /**
     * @param week the ISO week, such as {@code 2026-W10}, in a header that lets a mail system recognise a repeat
     * @throws org.springframework.mail.MailException when the mail server did not take it
     */
    void send(String userId, String email, List<DigestItems.Item> items, String week) throws MessagingException {
        String off = links.link(userId, null, null, Action.DIGEST_OFF);
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.delivery().mailFrom());
        helper.setTo(email);
        helper.setSubject(SUBJECT);
        helper.setText(text(items, off), html(items, off));
        message.setHeader("List-Unsubscribe", "<" + off + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-MHC-Digest", week);
        mail.send(message);
    }

    String text(List<DigestItems.Item> items, String off) {
        StringBuilder text = new StringBuilder("Hello,\n\n")
                .append("Here is what is new in the Mental Health Connect library this week. ")
                .append("Take whatever feels helpful, and leave the rest for another day.\n");
        for (DigestItems.Item item : items) {
            text.append("\n").append(item.title()).append("\n").append(about(item)).append("\n");
            if (item.summary() != null && !item.summary().isBlank()) {
                text.append(item.summary()).append("\n");
            }
            text.append("Read: ").append(open(item)).append("\n");
        }
        return text.append("\nBe gentle with yourself this week.\n\n")
                .append("You get this e-mail because you asked for a weekly digest of new library items.\n")
                .append("No more weekly digests: ").append(off).append("\n")
                .toString();
    }

    String html(List<DigestItems.Item> items, String off) {
        StringBuilder html = new StringBuilder(
                "<!doctype html><html lang=\"en\"><body style=\"font-family: sans-serif; line-height: 1.5; color: #1f2a30\">")
                .append("<h1 style=\"font-size: 1.3em\">New in the library this week</h1>")
                .append("<p>Here is what is new in the Mental Health Connect library this week. ")
                .append("Take whatever feels helpful, and leave the rest for another day.</p><ul style=\"padding-left: 1.2em\">");
        for (DigestItems.Item item : items) {
            html.append("<li style=\"margin-bottom: 1em\"><a href=\"").append(HtmlUtils.htmlEscape(open(item))).append("\">")
                    .append(HtmlUtils.htmlEscape(item.title())).append("</a> <span style=\"color: #55606a\">(")
                    .append(HtmlUtils.htmlEscape(about(item))).append(")</span>");
            if (item.summary() != null && !item.summary().isBlank()) {
                html.append("<br>").append(HtmlUtils.htmlEscape(item.summary()));
            }
            html.append("</li>");
        }
        return html.append("</ul><p>Be gentle with yourself this week.</p>")
                .append("<p style=\"font-size: 0.85em; color: #55606a\">You get this e-mail because you asked for a weekly ")
                .append("digest of new library items. <a href=\"").append(HtmlUtils.htmlEscape(off))
                .append("\">No more weekly digests</a>.</p></body></html>")
                .toString();
    }

    private String open(DigestItems.Item item) {
        return properties.publicUrl().replaceAll("/+$", "") + "/#/library/"
                + UriUtils.encodePathSegment(item.slug(), StandardCharsets.UTF_8);
    }

    /** "A practice, 5 minutes". */
    private static String about(DigestItems.Item item) {
        String type = "practice".equals(item.type()) ? "A practice" : "article".equals(item.type()) ? "An article" : "New";
        return item.minutes() > 0 ? type + ", " + item.minutes() + (item.minutes() == 1 ? " minute" : " minutes") : type;
    }
}
