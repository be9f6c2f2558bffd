package org.privacymailbox.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.SearchTerm;
import java.util.ArrayList;
import java.util.List;

/** The mailbox as the parts that work on it beside the mail consumer see it: health, erasure, interrupted filing. */
final class MailboxAccess {

    private MailboxAccess() {
    }

    /** A store connected and logged in with the mailbox settings; the caller closes it. */
    static Store connect(MailboxSettings settings) throws MessagingException {
        Store store = Session.getInstance(MailSessionProperties.forImap(settings)).getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        return store;
    }

    /**
     * The messages of an open folder whose Message-ID is exactly {@code messageId} and that match {@code narrower}
     * (may be null). IMAP SEARCH matches substrings, so each hit is checked.
     */
    static List<Message> withMessageId(Folder folder, String messageId, SearchTerm narrower) throws MessagingException {
        SearchTerm byId = new HeaderTerm("Message-ID", messageId);
        List<Message> exact = new ArrayList<>();
        for (Message message : folder.search(narrower == null ? byId : new AndTerm(byId, narrower))) {
            String[] ids = message.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && ids[0].strip().equals(messageId)) {
                exact.add(message);
            }
        }
        return exact;
    }
}
