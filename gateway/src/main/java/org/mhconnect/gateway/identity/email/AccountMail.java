package org.mhconnect.gateway.identity.email;

import java.time.Duration;

import org.mhconnect.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The e-mails about an account itself, written in the product's calm voice. Sending blocks, so it runs aside.
 * Links carry their token in the fragment of a web-app address ({@code /#/reset-password?token=…}): the browser never
 * sends a fragment to a server, so the token reaches no access log on the way.
 */
@Component
public class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

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

    /** The link that confirms the address of a new account. */
    public Mono<Void> verifyAddress(String to, String displayName, String token) {
        return send(to, "Please confirm your e-mail address", """
                Hello %s,

                Welcome to Mental Health Connect. To confirm that this address is yours, open this link:

                %s

                The link works for %s. Until then we send nothing else here, reminders included.
                If you did not create an account, you can ignore this message.

                Take care,
                Mental Health Connect
                """.formatted(displayName, link("verify-email", token), words(properties.identity().emailVerificationTtl())));
    }

    /** The link that lets a person who forgot their password choose a new one. */
    public Mono<Void> resetPassword(String to, String displayName, String token) {
        return send(to, "Choose a new password", """
                Hello %s,

                Someone asked to reset the password of your Mental Health Connect account. If that was you,
                open this link to choose a new one:

                %s

                The link works for %s, and only once. If you did not ask for this, you can ignore this
                message: your password stays as it is.

                Take care,
                Mental Health Connect
                """.formatted(displayName, link("reset-password", token), words(properties.identity().passwordResetTtl())));
    }

    /** Tells the person their password was changed with a reset link, and that every device was signed out. */
    public Mono<Void> passwordChanged(String to, String displayName) {
        return send(to, "Your password was changed", """
                Hello %s,

                The password of your Mental Health Connect account was just changed with a reset link, and
                every device that was signed in has been signed out.

                If that was you, there is nothing more to do. If it was not, please choose a new password
                straight away with "Forgot your password?" on the sign-in page.

                Take care,
                Mental Health Connect
                """.formatted(displayName));
    }

    /**
     * Sends a mail without making anyone wait for it. A failure is logged without the message, which may hold a
     * link; the person can ask again.
     */
    public static void aside(Mono<Void> sending, String what) {
        sending.subscribe(null, ex -> log.warn("Could not send the {} mail: {}", what, ex.getClass().getSimpleName()));
    }

    private String link(String route, String token) {
        return properties.identity().issuer() + "/#/" + route + "?token=" + token;
    }

    static String words(Duration ttl) {
        if (ttl.toDays() >= 1 && ttl.toHours() % 24 == 0) {
            return ttl.toDays() == 1 ? "one day" : ttl.toDays() + " days";
        }
        if (ttl.toHours() >= 1 && ttl.toMinutes() % 60 == 0) {
            return ttl.toHours() == 1 ? "one hour" : ttl.toHours() + " hours";
        }
        return ttl.toMinutes() == 1 ? "one minute" : ttl.toMinutes() + " minutes";
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
