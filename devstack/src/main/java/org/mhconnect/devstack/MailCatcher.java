package org.mhconnect.devstack;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A development SMTP server (GreenMail) that accepts mail for any address and keeps it in memory, so that
 * a newcomer can watch reminder e-mails arrive without a real mail server.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail greenMail;

    private MailCatcher(int smtpPort) {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public static MailCatcher onPort(int smtpPort) {
        return new MailCatcher(smtpPort);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<CapturedMail> messages() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<CapturedMail> mails = new ArrayList<>(received.length);
        for (int i = 0; i < received.length; i++) {
            mails.add(CapturedMail.of(i + 1, received[i]));
        }
        return mails;
    }

    /** The messages as received, for checks of headers the summary leaves out. */
    public MimeMessage[] rawMessages() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
