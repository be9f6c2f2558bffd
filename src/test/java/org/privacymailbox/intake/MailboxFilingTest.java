package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.TestMail;

/** Filing a poll's mails together, on servers that can move mail (Dovecot, GreenMail) and on one that cannot. */
class MailboxFilingTest {

    private static final String USER = "privacy@example.com";
    private static final String PASSWORD = "secret";

    @TempDir
    Path work;

    private final MailboxWorkers workers = new MailboxWorkers(2);
    private GreenMail greenMail;
    private Dovecot dovecot;
    private int port;
    private Store store;

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        if (store != null) {
            store.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void aPollsMailsAreMovedTogetherOnAServerThatMovesMail() throws Exception {
        startDovecot();
        assertThat(((IMAPStore) store).hasCapability("MOVE")).isTrue();

        fileThreeMails();

        assertFiledAsRecorded();
        assertThat(keywordMarked("Processed")).as("a move needs no mark").isZero();
    }

    @Test
    void theEmbeddedMailServerMovesMailToo() throws Exception {
        startGreenMail();
        assertThat(((IMAPStore) store).hasCapability("MOVE")).isTrue();

        fileThreeMails();

        assertFiledAsRecorded();
    }

    @Test
    void aPollsMailsAreCopiedMarkedAndRemovedOnAServerWithoutMove() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        dovecot = Dovecot.startWithoutMove(work.resolve("dovecot"), USER, PASSWORD);
        connect(dovecot.port());
        assertThat(((IMAPStore) store).hasCapability("MOVE")).isFalse();

        fileThreeMails();

        assertFiledAsRecorded();
        assertThat(keywordMarked("Processed")).as("the copies carry the mark that recognises an interrupted filing").isEqualTo(2);
    }

    @Test
    void aMailRecordedBeforeTheFolderWasOpenedAgainIsLeftForTheNextPoll() throws Exception {
        startDovecot();
        append(1, 2);
        MailboxFiling filing = new MailboxFiling(workers);
        Folder inbox = openInbox();
        filing.fileIn(inbox.getMessage(1), "Processed");
        inbox.close(false);
        inbox.open(Folder.READ_WRITE);

        filing.process(inbox);
        inbox.close(true);

        assertThat(messageIds("INBOX")).containsExactly("<m1@example.dk>", "<m2@example.dk>");
        assertThat(messageIds("Processed")).isEmpty();
    }

    @Test
    void thePollEndsOnlyWhenItsMailsAreThroughTheStages() throws Exception {
        startGreenMail();
        append(1, 2);
        MailboxFiling filing = new MailboxFiling(workers);
        Folder inbox = openInbox();
        for (int n = 1; n <= 2; n++) {
            Message mail = inbox.getMessage(n);
            workers.execute(() -> {
                pause(300);
                filing.fileIn(mail, "Processed");
            });
        }

        filing.process(inbox);
        inbox.close(true);

        assertThat(messageIds("INBOX")).isEmpty();
        assertThat(messageIds("Processed")).containsExactly("<m1@example.dk>", "<m2@example.dk>");
    }

    @Test
    void aFilingFolderDeletedWhileTheServiceRunsIsCreatedAgainAndNoMailIsLost() throws Exception {
        startDovecot();
        append(1);
        MailboxFiling filing = new MailboxFiling(workers);
        fileFirstInboxMail(filing);
        Folder processed = store.getFolder("Processed");
        processed.delete(true);
        append(2);

        assertThatThrownBy(() -> fileFirstInboxMail(filing)).isInstanceOf(MessagingException.class);
        assertThat(messageIds("INBOX")).as("the mail stays for the next poll").containsExactly("<m2@example.dk>");
        fileFirstInboxMail(filing);

        assertThat(messageIds("INBOX")).isEmpty();
        assertThat(messageIds("Processed")).containsExactly("<m2@example.dk>");
    }

    private void fileFirstInboxMail(MailboxFiling filing) throws Exception {
        Folder inbox = openInbox();
        try {
            filing.fileIn(inbox.getMessage(1), "Processed");
            filing.process(inbox);
        } finally {
            inbox.close(true);
        }
    }

    @Test
    void filingAPollNeedsNoSecondLoginToTheServer() throws Exception {
        startGreenMail();
        ByteArrayOutputStream conversation = new ByteArrayOutputStream();
        store.close();
        Session session = Session.getInstance(new Properties());
        session.setDebug(true);
        session.setDebugOut(new PrintStream(conversation, true, StandardCharsets.UTF_8));
        store = session.getStore("imap");
        store.connect("127.0.0.1", port, USER, PASSWORD);
        MailboxFiling filing = new MailboxFiling(workers);
        append(1);
        fileFirstInboxMail(filing);
        append(2);
        conversation.reset();

        fileFirstInboxMail(filing);

        assertThat(conversation.toString(StandardCharsets.UTF_8)).as("the second poll's filing").contains("MOVE").doesNotContain("LOGIN").doesNotContain("AUTHENTICATE");
        assertThat(messageIds("Processed")).containsExactly("<m1@example.dk>", "<m2@example.dk>");
    }

    @Test
    void nothingRecordedFilesNothing() throws Exception {
        startGreenMail();
        append(1);
        Folder inbox = openInbox();

        new MailboxFiling(workers).process(inbox);
        inbox.close(true);

        assertThat(messageIds("INBOX")).containsExactly("<m1@example.dk>");
    }

    private void fileThreeMails() throws Exception {
        append(1, 2, 3);
        MailboxFiling filing = new MailboxFiling(workers);
        Folder inbox = openInbox();
        filing.fileIn(inbox.getMessage(1), "Processed");
        filing.fileIn(inbox.getMessage(2), "Quarantine");
        filing.fileIn(inbox.getMessage(3), "Processed");

        filing.process(inbox);
        inbox.close(true);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Folder openInbox() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return inbox;
    }

    private void assertFiledAsRecorded() throws MessagingException {
        assertThat(messageIds("INBOX")).isEmpty();
        assertThat(messageIds("Processed")).containsExactly("<m1@example.dk>", "<m3@example.dk>");
        assertThat(messageIds("Quarantine")).containsExactly("<m2@example.dk>");
        assertThat(marked("Processed", new Flags(Flags.Flag.SEEN))).as("filed mail is shown as read").isEqualTo(2);
        assertThat(marked("Quarantine", new Flags(Flags.Flag.SEEN))).isEqualTo(1);
    }

    private void startDovecot() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        dovecot = Dovecot.start(work.resolve("dovecot"), USER, PASSWORD);
        connect(dovecot.port());
    }

    private void startGreenMail() throws Exception {
        int imap = TestMail.freePort();
        greenMail = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
        connect(imap);
    }

    private void connect(int imapPort) throws MessagingException {
        port = imapPort;
        store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, USER, PASSWORD);
    }

    private void append(int... numbers) throws MessagingException {
        List<Message> mails = new ArrayList<>();
        for (int n : numbers) {
            MimeMessage mail = TestMail.message("kunde" + n + "@example.dk", USER, "Indsigt " + n, "<m" + n + "@example.dk>");
            mails.add(TestMail.withText(mail, "Hej " + n));
        }
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(mails.toArray(Message[]::new));
    }

    /** As a mail client sees the folder: mail flagged deleted but not yet expunged is not there. */
    private List<String> messageIds(String name) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage mail : TestMail.folder(port, USER, PASSWORD, name)) {
            ids.add(mail.getMessageID());
        }
        return ids;
    }

    private long keywordMarked(String name) throws MessagingException {
        return marked(name, new Flags(InterruptedFiling.KEYWORD));
    }

    private long marked(String name, Flags flags) throws MessagingException {
        Folder folder = store.getFolder(name);
        folder.open(Folder.READ_ONLY);
        try {
            long marked = 0;
            for (Message mail : folder.getMessages()) {
                if (mail.getFlags().contains(flags)) {
                    marked++;
                }
            }
            return marked;
        } finally {
            folder.close(false);
        }
    }
}
