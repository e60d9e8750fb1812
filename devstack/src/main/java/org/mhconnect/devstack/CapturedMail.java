package org.mhconnect.devstack;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * One message the mail catcher received, reduced to what a person checking a reminder e-mail wants to see.
 *
 * @param text the text/plain part when there is one, otherwise the first part as it is
 */
public record CapturedMail(int number, Instant receivedAt, String from, List<String> to, String subject,
        String text, List<String> unsubscribeHeaders) {

    static CapturedMail of(int number, MimeMessage message) {
        try {
            Instant received = message.getReceivedDate() == null ? Instant.now() : message.getReceivedDate().toInstant();
            String[] unsubscribe = message.getHeader("List-Unsubscribe");
            return new CapturedMail(number, received, addresses(message.getFrom()).stream().findFirst().orElse(""),
                    addresses(message.getRecipients(Message.RecipientType.TO)), orEmpty(message.getSubject()),
                    textOf(message.getContent()), unsubscribe == null ? List.of() : List.of(unsubscribe));
        }
        catch (MessagingException | IOException ex) {
            return new CapturedMail(number, Instant.now(), "", List.of(), "(unreadable message)",
                    ex.getClass().getSimpleName(), List.of());
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String textOf(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
            }
            return multipart.getCount() == 0 ? "" : textOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
