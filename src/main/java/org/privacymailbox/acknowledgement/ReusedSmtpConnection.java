package org.privacymailbox.acknowledgement;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.apache.camel.component.mail.DefaultJavaMailSender;

/**
 * Sends acknowledgements over one SMTP connection kept open between them. Camel's own sender opens a connection per
 * mail: TCP, greeting, EHLO, STARTTLS and login for every acknowledgement, which after a breach notice is thousands of
 * logins a day and, on a slow server, most of the time spent sending.
 *
 * <p>A connection that has been quiet for a moment is asked whether it is still there (one NOOP) before it is used, and
 * after a set number of mails it is replaced, since many servers limit the mails per connection. A send that fails
 * closes the connection, so that the outbox's next attempt starts on a fresh one. Sends are one at a time: the outbox
 * has one consumer, so at most one acknowledgement is ever in doubt.
 */
class ReusedSmtpConnection extends DefaultJavaMailSender implements AutoCloseable {

    /** Within a burst the connection is used as it is; after a pause it is checked first. */
    private static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(1);

    private final int messagesPerConnection;
    private final Clock clock;
    private Transport transport;
    private int sentOnConnection;
    private Instant lastUsed = Instant.MIN;
    private int connectionsOpened;

    ReusedSmtpConnection(int messagesPerConnection, Clock clock) {
        if (messagesPerConnection < 1) {
            throw new IllegalArgumentException("messagesPerConnection must be at least 1");
        }
        this.messagesPerConnection = messagesPerConnection;
        this.clock = clock;
    }

    @Override
    public synchronized void send(MimeMessage mail) throws MessagingException {
        Transport connection = connection();
        try {
            if (mail.getSentDate() == null) {
                mail.setSentDate(Date.from(clock.instant()));
            }
            String messageId = mail.getMessageID();
            mail.saveChanges();
            if (messageId != null) {
                // saveChanges gives the mail a new Message-ID; the composer's one is what replies refer to
                mail.setHeader("Message-ID", messageId);
            }
            connection.sendMessage(mail, mail.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            closeConnection();
            throw e;
        }
        sentOnConnection++;
        lastUsed = clock.instant();
        if (sentOnConnection >= messagesPerConnection) {
            closeConnection();
        }
    }

    /** How many SMTP connections this sender has opened so far. */
    synchronized int connectionsOpened() {
        return connectionsOpened;
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    private Transport connection() throws MessagingException {
        boolean idle = Duration.between(lastUsed, clock.instant()).compareTo(CHECK_AFTER_IDLE) > 0;
        if (transport != null && idle && !transport.isConnected()) {
            closeConnection();
        }
        if (transport == null) {
            Transport opened = getTransport(getSession());
            var login = getPasswordAuthentication();
            opened.connect(getHost(), getPort(), login.getUserName(), login.getPassword());
            transport = opened;
            sentOnConnection = 0;
            connectionsOpened++;
        }
        return transport;
    }

    private void closeConnection() {
        Transport closing = transport;
        transport = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (MessagingException e) {
                // the server went away first; nothing is left to release
            }
        }
    }
}
