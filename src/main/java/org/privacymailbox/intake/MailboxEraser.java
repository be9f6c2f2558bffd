package org.privacymailbox.intake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.Collection;
import java.util.List;

/**
 * Removes erased mail from the mailbox itself (the processed and quarantine folders and the inbox), so that an
 * erasure leaves no copy on the IMAP server. Mail is found by its Message-ID.
 */
public class MailboxEraser {

    private final MailboxSettings settings;

    public MailboxEraser(MailboxSettings settings) {
        this.settings = settings;
    }

    /** Deletes and expunges every message with one of these Message-IDs; returns how many. */
    public int erase(Collection<String> messageIds) throws MessagingException {
        if (messageIds.isEmpty()) {
            return 0;
        }
        int erased = 0;
        try (Store store = MailboxAccess.connect(settings)) {
            for (String name : List.of(settings.processedFolder(), settings.quarantineFolder(), settings.folder())) {
                Folder folder = store.getFolder(name);
                if (!folder.exists()) {
                    continue;
                }
                folder.open(Folder.READ_WRITE);
                try {
                    for (String messageId : messageIds) {
                        for (Message message : MailboxAccess.withMessageId(folder, messageId, null)) {
                            message.setFlag(Flags.Flag.DELETED, true);
                            erased++;
                        }
                    }
                } finally {
                    folder.close(true);
                }
            }
        }
        return erased;
    }
}
