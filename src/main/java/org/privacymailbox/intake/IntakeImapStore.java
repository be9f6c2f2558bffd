package org.privacymailbox.intake;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.Item;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.RFC822DATA;

/**
 * The mailbox poller's IMAP store. Camel's mail consumer marks every mail it has processed as read, one STORE command
 * and one wait for the server per mail: a fifth of the mailbox thread's time. The mails are filed at the end of their
 * poll anyway ({@link MailboxFiling}), which marks them read together in one command, so here that single mark is not
 * sent. Every other flag goes to the server as usual.
 *
 * <p>Its mails also keep their content exactly as the server sent it when a fetch for several mails brings it
 * ({@link PolledMailPrefetch}), until it is written out once ({@link RawMailReader}). Angus would parse such content
 * and write it out again from the parsed form, which need not be the same bytes.
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

    /** Whether the mail keeps content fetched together with other mails' as the server sent it. */
    static boolean keepsFetchedContent(Message mail) {
        return mail instanceof IntakeMessage;
    }

    /** Lets go of content fetched together with other mails' and not written out: the next read goes to the server. */
    static void forgetFetchedContent(Message mail) {
        if (mail instanceof IntakeMessage intake) {
            intake.takeFetchedContent();
        }
    }

    private static final class IntakeMessage extends IMAPMessage {

        /** The whole mail as the server sent it in a fetch for several mails, until it is written out. */
        private byte[] fetchedContent;

        IntakeMessage(IMAPFolder folder, int number) {
            super(folder, number);
        }

        @Override
        protected boolean handleFetchItem(Item item, String[] headers, boolean allHeaders) throws MessagingException {
            ByteArray whole = wholeMail(item);
            if (whole == null) {
                return super.handleFetchItem(item, headers, allHeaders);
            }
            synchronized (this) {
                fetchedContent = whole.getNewBytes();
            }
            return true;
        }

        private static ByteArray wholeMail(Item item) {
            if (item instanceof BODY body && !body.isHeader() && "".equals(body.getSection())) {
                return body.getByteArray();
            }
            if (item instanceof RFC822DATA data && !data.isHeader()) {
                return data.getByteArray();
            }
            return null;
        }

        /** Held for one read: a second read goes to the server, and the bytes need not stay in memory. */
        private synchronized byte[] takeFetchedContent() {
            byte[] content = fetchedContent;
            fetchedContent = null;
            return content;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException, MessagingException {
            byte[] content = takeFetchedContent();
            if (content == null) {
                super.writeTo(out);
            } else {
                out.write(content);
            }
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
