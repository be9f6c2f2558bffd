package org.privacymailbox.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises a mail whose filing was cut short by a crash. On a server without IMAP MOVE, mail is filed by copying
 * it to the processed folder, then flagging the original deleted, then expunging (see {@link MailboxFiling}); a crash
 * between those steps leaves the same mail in the inbox and in the folder. A keyword set on the mail just before it
 * is filed travels with the copy, so when the mail turns up again the copy can be found, and the mail is removed from
 * the inbox instead of being filed twice.
 * The mark lives in the mailbox itself: it holds whatever instance polls it next.
 */
public class InterruptedFiling {

    static final String KEYWORD = "$PrivacyMailboxFiling";
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedFiling.class);

    private final MailboxSettings settings;

    public InterruptedFiling(MailboxSettings settings) {
        this.settings = settings;
    }

    /** A server without keywords only loses this protection, never the mail. */
    static void warnUnmarked(Exception e) {
        LOG.warn("mailbox does not keep the filing keyword ({}); a crash while filing may leave a second copy",
                e.getClass().getSimpleName());
    }

    /** Whether this mail was being filed before and its copy is already in the processed or quarantine folder. */
    public boolean alreadyFiled(Message mail) throws MessagingException {
        String[] ids = mail.getHeader("Message-ID");
        String messageId = ids == null || ids.length == 0 ? null : ids[0];
        if (messageId == null || messageId.isBlank() || !mail.getFlags().contains(KEYWORD)) {
            return false;
        }
        try (Store store = MailboxAccess.connect(settings)) {
            for (String name : List.of(settings.processedFolder(), settings.quarantineFolder())) {
                if (holds(store.getFolder(name), messageId.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holds(Folder folder, String messageId) throws MessagingException {
        if (!folder.exists()) {
            return false;
        }
        folder.open(Folder.READ_ONLY);
        try {
            return !MailboxAccess.withMessageId(folder, messageId, new FlagTerm(new Flags(KEYWORD), true)).isEmpty();
        } finally {
            folder.close(false);
        }
    }
}
