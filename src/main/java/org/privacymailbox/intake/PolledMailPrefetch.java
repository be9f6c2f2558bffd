package org.privacymailbox.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.component.mail.DefaultMailUidGenerator;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what the mail consumer reads of a poll's mails (headers, envelope, structure, flags, size) in one command
 * for the whole poll. Left to itself, the consumer asks the server for each of these in turn, mail by mail (the
 * Message-ID, the flags, all headers, the envelope): four round trips per mail on the one thread that reads the
 * mailbox, a seventh of its time. The content itself is still read one mail at a time, exactly as the server holds it.
 *
 * <p>It sits where Camel asks for each polled mail's key, the first thing done with every mail of a poll, in order.
 * The key stays Camel's own. A server that refuses the combined fetch only costs the round trips saved.
 */
public class PolledMailPrefetch implements MailUidGenerator {

    private static final Logger log = LoggerFactory.getLogger(PolledMailPrefetch.class);

    private final MailUidGenerator keys = new DefaultMailUidGenerator();
    private final int mailsPerPoll;
    private final AtomicBoolean refusalReported = new AtomicBoolean();
    /** The mails fetched already: a poll's first mail fetches the rest, which are then only looked up. */
    private final Set<Message> fetched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public PolledMailPrefetch(int mailsPerPoll) {
        if (mailsPerPoll < 1) {
            throw new IllegalArgumentException("mailsPerPoll must be at least 1");
        }
        this.mailsPerPoll = mailsPerPoll;
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        if (!fetched.contains(message)) {
            prefetchFrom(message);
        }
        return keys.generateUuid(endpoint, message);
    }

    private void prefetchFrom(Message first) {
        Folder folder = first.getFolder();
        if (!(folder instanceof IMAPFolder)) {
            return;
        }
        try {
            int last = Math.min(folder.getMessageCount(), first.getMessageNumber() + mailsPerPoll - 1);
            Message[] poll = folder.getMessages(first.getMessageNumber(), last);
            folder.fetch(poll, profile());
            fetched.addAll(Arrays.asList(poll));
        } catch (MessagingException | RuntimeException e) {
            // each mail is then read the slow way, one question at a time, as without this class; said once, not at
            // every poll of a server that always refuses
            fetched.add(first);
            if (!refusalReported.getAndSet(true)) {
                log.warn("could not fetch a poll's mail details in one command ({}); reading them mail by mail", e.getClass().getSimpleName());
            }
        }
    }

    private static FetchProfile profile() {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        return profile;
    }
}
