package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mhconnect.devstack.CapturedMail;
import org.mhconnect.devstack.MailCatcher;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with real SMTP, captured by GreenMail. Every test class that reads account mail extends this one, so
 * they share one application context (and one mail catcher) instead of starting a gateway each.
 */
@GatewayIntegrationTest
abstract class WithCapturedMail {

    static final MailCatcher MAIL = MailCatcher.onPort(freePort());

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAIL::smtpPort);
    }

    /** Every message to this address so far, oldest first. */
    static List<CapturedMail> mailsTo(String address) {
        return MAIL.messages().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    static CapturedMail mailTo(String address) {
        return mailsTo(address).stream().findFirst().orElse(null);
    }

    /** Waits for the n-th message (from 1) to this address with this subject. */
    static CapturedMail awaitMail(String address, String subject, int nth) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> mailsTo(address).stream().filter(mail -> mail.subject().equals(subject)).skip(nth - 1L)
                        .findFirst().orElse(null),
                mail -> mail != null);
    }

    /** The token of the web-app link in a mail, such as {@code /#/reset-password?token=…}. */
    static String tokenIn(CapturedMail mail, String route) {
        Matcher link = Pattern.compile("http://\\S+/#/" + route + "\\?token=([A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return link.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
