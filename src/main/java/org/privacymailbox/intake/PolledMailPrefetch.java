package org.privacymailbox.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * mailbox, a seventh of its time. With the poller's own store ({@link IntakeImapStore}), a second command fetches the
 * content of the poll's smaller mails, which the store keeps exactly as the server sent it; reading each mail's
 * content with a command of its own was a quarter of the mailbox thread's time. Larger mails are still read one at a
 * time, so a poll holds at most {@link #MAX_FETCHED_CONTENT_PER_POLL} bytes of content in memory.
 *
 * <p>It sits where Camel asks for each polled mail's key, the first thing done with every mail of a poll, in order.
 * The key stays Camel's own. A server that refuses the combined fetch only costs the round trips saved.
 */
public class PolledMailPrefetch implements MailUidGenerator {

    private static final Logger log = LoggerFactory.getLogger(PolledMailPrefetch.class);

    static final int MAX_FETCHED_CONTENT_PER_MAIL = 256 * 1024;
    static final int MAX_FETCHED_CONTENT_PER_POLL = 4 * 1024 * 1024;

    private final MailUidGenerator keys = new DefaultMailUidGenerator();
    private final int mailsPerPoll;
    private final AtomicBoolean refusalReported = new AtomicBoolean();
    /** The last poll's mails fetched with their content. */
    private final AtomicReference<Message[]> withContent = new AtomicReference<>(new Message[0]);
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
            // a mail of the last poll not read after all (a poll cut short) would otherwise hold its content as long as
            // the folder holds the mail
            for (Message unread : withContent.getAndSet(new Message[0])) {
                IntakeImapStore.forgetFetchedContent(unread);
            }
            Message[] small = smallMails(poll);
            if (small.length > 0) {
                folder.fetch(small, contentProfile());
                withContent.set(small);
            }
        } catch (MessagingException | RuntimeException e) {
            // each mail is then read the slow way, one question at a time, as without this class; said once, not at
            // every poll of a server that always refuses
            fetched.add(first);
            if (!refusalReported.getAndSet(true)) {
                log.warn("could not fetch a poll's mail details or content in one command ({}); reading them mail by mail", e.getClass().getSimpleName());
            }
        }
    }

    /** The mails whose content the store keeps when fetched together, small ones only, within the poll's budget. */
    private static Message[] smallMails(Message[] poll) throws MessagingException {
        List<Message> small = new ArrayList<>();
        long total = 0;
        for (Message mail : poll) {
            int size = mail.getSize();
            if (IntakeImapStore.keepsFetchedContent(mail) && size >= 0 && size <= MAX_FETCHED_CONTENT_PER_MAIL
                    && total + size <= MAX_FETCHED_CONTENT_PER_POLL) {
                small.add(mail);
                total += size;
            }
        }
        return small.toArray(Message[]::new);
    }

    private static FetchProfile contentProfile() {
        FetchProfile profile = new FetchProfile();
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        return profile;
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
