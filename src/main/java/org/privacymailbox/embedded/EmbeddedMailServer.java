package org.privacymailbox.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.privacymailbox.acknowledgement.SmtpSettings;
import org.privacymailbox.intake.MailboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mail server inside the service (GreenMail) for trying it out and for tests: it serves the privacy mailbox
 * over IMAP where the mailbox settings point, and accepts mail over SMTP where the SMTP settings point. Its
 * mail lives in memory only.
 */
public class EmbeddedMailServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;

    public EmbeddedMailServer(MailboxSettings mailbox, SmtpSettings smtp) {
        ServerSetup imap = new ServerSetup(mailbox.port(), mailbox.host(), mailbox.protocol());
        ServerSetup smtpSetup = new ServerSetup(smtp.port(), smtp.host(), smtp.protocol());
        this.greenMail = new GreenMail(new ServerSetup[] {smtpSetup, imap});
        greenMail.start();
        greenMail.setUser(mailbox.address(), mailbox.username(), mailbox.password());
        LOG.info("embedded mail server: SMTP {}:{}, IMAP {}:{}, mailbox {} (mail is kept in memory only)", smtp.host(), smtp.port(),
                mailbox.host(), mailbox.port(), mailbox.address());
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
