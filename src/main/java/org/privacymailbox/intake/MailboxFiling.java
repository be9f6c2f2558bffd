package org.privacymailbox.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Files the mails of one poll together once the poll's last mail is done, instead of one by one: with a server that
 * can move mail (IMAP MOVE, RFC 6851) that is one command per folder for the whole poll, where filing each mail took a
 * flag, a folder check, a copy and a delete flag, and more time than reading it.
 *
 * <p>A mail is only filed once every stage is done with it, so a crash before the poll's end leaves it in the inbox;
 * it is read again, the case ledger knows it is finished, and it is filed then. A move is one step on the server. A
 * server without MOVE is given copy, then delete; the mails are marked first (see {@link InterruptedFiling}) so that a
 * crash between the two is recognised later and no mail is filed twice.
 */
public class MailboxFiling implements MailBoxPostProcessAction {

    private final MailboxWorkers workers;
    private final Map<String, List<Message>> due = new LinkedHashMap<>();
    /** Asking the server whether a folder exists costs a LIST, tens of milliseconds on a busy server, every poll. */
    private final Set<String> knownToExist = ConcurrentHashMap.newKeySet();

    public MailboxFiling(MailboxWorkers workers) {
        this.workers = workers;
    }

    /** Files the mail in {@code folderName} at the end of this poll. */
    public synchronized void fileIn(Message mail, String folderName) {
        if (mail != null) {
            due.computeIfAbsent(folderName, name -> new ArrayList<>()).add(mail);
        }
    }

    /** Called by the mail consumer after each poll, with the folder still open; waits for the poll's mails first. */
    @Override
    public void process(Folder inbox) throws MessagingException, InterruptedException {
        workers.endPoll();
        Map<String, List<Message>> taken;
        synchronized (this) {
            taken = new LinkedHashMap<>(due);
            due.clear();
        }
        for (Map.Entry<String, List<Message>> filing : taken.entrySet()) {
            Message[] mails = stillInThisSession(inbox, filing.getValue());
            if (mails.length > 0) {
                try {
                    file(inbox, mails, filing.getKey());
                } catch (MessagingException | RuntimeException e) {
                    // the folder may have been deleted or renamed: the next poll looks again
                    knownToExist.remove(filing.getKey());
                    throw e;
                }
            }
        }
    }

    private void file(Folder inbox, Message[] mails, String folderName) throws MessagingException {
        Folder target = inbox.getStore().getFolder(folderName);
        if (!knownToExist.contains(folderName)) {
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            knownToExist.add(folderName);
        }
        // read, as a mail client shows it in the folder it is filed in: one command for the poll (IntakeImapStore)
        inbox.setFlags(mails, new Flags(Flags.Flag.SEEN), true);
        if (inbox instanceof IMAPFolder imap && canMove(imap)) {
            imap.moveMessages(mails, target);
            return;
        }
        markAsBeingFiled(inbox, mails);
        inbox.copyMessages(mails, target);
        inbox.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
    }

    /**
     * Asked on the inbox's own connection, which knows the server's capabilities since it logged in. Asking the store
     * instead opened a second connection and logged in again at every poll: a fifth of the mailbox thread's time.
     */
    private static boolean canMove(IMAPFolder inbox) throws MessagingException {
        return Boolean.TRUE.equals(inbox.doCommand(protocol -> protocol.hasCapability("MOVE")));
    }

    private static void markAsBeingFiled(Folder inbox, Message[] mails) {
        try {
            inbox.setFlags(mails, new Flags(InterruptedFiling.KEYWORD), true);
        } catch (MessagingException | IllegalStateException e) {
            // a server without keywords only loses the protection against a second copy, never the mail
            InterruptedFiling.warnUnmarked(e);
        }
    }

    /**
     * A mail recorded in an earlier session of the folder (a poll that broke off before its end) has a message number
     * that may now name another mail; it is left for the next poll, which reads and files it again.
     */
    private static Message[] stillInThisSession(Folder inbox, List<Message> mails) throws MessagingException {
        List<Message> current = new ArrayList<>(mails.size());
        for (Message mail : mails) {
            if (mail.getFolder() == inbox && !mail.isExpunged() && sameObjectAt(inbox, mail)) {
                current.add(mail);
            }
        }
        return current.toArray(Message[]::new);
    }

    private static boolean sameObjectAt(Folder inbox, Message mail) throws MessagingException {
        try {
            return inbox.getMessage(mail.getMessageNumber()) == mail;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }
}
