package org.mhconnect.gateway.identity.email;

import org.mhconnect.gateway.GatewayProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The e-mails about an account itself, written in the product's calm voice. Sending blocks, so it runs aside. */
@Component
class AccountMail {

    private final JavaMailSender mail;
    private final GatewayProperties properties;

    AccountMail(JavaMailSender mail, GatewayProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    Mono<Void> confirmNewAddress(String to, String displayName, String link) {
        return send(to, "Please confirm your new e-mail address", """
                Hello %s,

                You asked to use this address for Mental Health Connect. To confirm, open this link:

                %s

                The link works for %d hours. If you did not ask for this, you can ignore this message and
                nothing will change.

                Take care,
                Mental Health Connect
                """.formatted(displayName, link, properties.identity().emailChangeTtl().toHours()));
    }

    Mono<Void> noticeToOldAddress(String to, String displayName) {
        return send(to, "Your e-mail address is about to change", """
                Hello %s,

                Someone signed in to your account asked to move it to a new e-mail address. If that was you,
                there is nothing to do. If it was not, please change your password; until the new address is
                confirmed, your account stays with this one.

                Take care,
                Mental Health Connect
                """.formatted(displayName));
    }

    private Mono<Void> send(String to, String subject, String text) {
        return Mono.<Void>fromRunnable(() -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.identity().mailFrom());
            message.setTo(to);
            message.setSubject(subject);
            message.setText(text);
            mail.send(message);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
