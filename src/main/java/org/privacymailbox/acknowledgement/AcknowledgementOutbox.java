package org.privacymailbox.acknowledgement;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Turns acknowledgements into bytes for the outbox queue and back: the message is composed once, with its own
 * Message-ID, so that whenever the SMTP server takes it, it is the same mail.
 */
public class AcknowledgementOutbox {

    private static final Session SESSION = Session.getInstance(new Properties());

    public byte[] toBytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    public MimeMessage toMessage(byte[] bytes) throws MessagingException {
        return new KeepingMessageId(new ByteArrayInputStream(bytes));
    }

    /** Sending must not give the message a new Message-ID: replies and loop detection rely on ours. */
    private static final class KeepingMessageId extends MimeMessage {
        KeepingMessageId(ByteArrayInputStream in) throws MessagingException {
            super(SESSION, in);
        }

        @Override
        protected void updateMessageID() {
            // keep the Message-ID written when the acknowledgement was composed
        }
    }
}
