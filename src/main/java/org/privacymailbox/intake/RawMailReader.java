package org.privacymailbox.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.camel.component.mail.MailMessage;

/** Takes the mail exactly as the server holds it, byte for byte, before anything interprets it. */
public class RawMailReader {

    /** The step the intake route calls: the consumer's message still holds the server's mail object. */
    public byte[] readPolled(org.apache.camel.Message polled) throws MessagingException, IOException {
        return read(serverMessage(polled));
    }

    /** The server's mail object behind a polled message, for marking it in the mailbox. */
    public Message serverMessage(org.apache.camel.Message polled) {
        if (!(polled instanceof MailMessage mailMessage) || mailMessage.getOriginalMessage() == null) {
            throw new IllegalArgumentException("not a message polled from a mailbox: " + polled.getClass().getName());
        }
        return mailMessage.getOriginalMessage();
    }

    public byte[] read(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }
}
