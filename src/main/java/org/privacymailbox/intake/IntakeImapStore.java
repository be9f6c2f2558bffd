package org.privacymailbox.intake;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * The mailbox poller's IMAP store. Camel's mail consumer marks every mail it has processed as read, one STORE command
 * and one wait for the server per mail: a fifth of the mailbox thread's time. The mails are filed at the end of their
 * poll anyway ({@link MailboxFiling}), which marks them read together in one command, so here that single mark is not
 * sent. Every other flag goes to the server as usual.
 *
 * <p>Jakarta Mail makes a store from its class name ({@code mail.imap.class}, registered in
 * {@code META-INF/jakarta.providers}); a session that does not name it gets Angus's own store and marks each mail.
 */
public class IntakeImapStore extends IMAPStore {

    private static final Flags READ = new Flags(Flags.Flag.SEEN);

    public IntakeImapStore(Session session, URLName url) {
        this(session, url, "imap", false);
    }

    IntakeImapStore(Session session, URLName url, String protocol, boolean ssl) {
        super(session, url, protocol, ssl);
    }

    /** The same over TLS from the first byte ({@code imaps}). */
    public static class Ssl extends IntakeImapStore {

        public Ssl(Session session, URLName url) {
            super(session, url, "imaps", true);
        }
    }

    @Override
    protected IMAPFolder newIMAPFolder(String fullName, char separator, Boolean isNamespace) {
        return new IntakeFolder(fullName, separator, this, isNamespace);
    }

    @Override
    protected IMAPFolder newIMAPFolder(ListInfo list) {
        return new IntakeFolder(list, this);
    }

    private static final class IntakeFolder extends IMAPFolder {

        IntakeFolder(String fullName, char separator, IMAPStore store, Boolean isNamespace) {
            super(fullName, separator, store, isNamespace);
        }

        IntakeFolder(ListInfo list, IMAPStore store) {
            super(list, store);
        }

        @Override
        protected IMAPMessage newIMAPMessage(int number) {
            return new IntakeMessage(this, number);
        }
    }

    private static final class IntakeMessage extends IMAPMessage {

        IntakeMessage(IMAPFolder folder, int number) {
            super(folder, number);
        }

        @Override
        public synchronized void setFlags(Flags flags, boolean set) throws MessagingException {
            if (set && READ.equals(flags)) {
                return;
            }
            super.setFlags(flags, set);
        }
    }
}
