package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.TestMail;

/**
 * The poller's IMAP store, against Dovecot: the per-mail mark as read is left to the filing of the poll, and the
 * content of a poll's small mails comes in one command, byte for byte as the server holds it.
 */
class IntakeImapStoreTest {

    private static final String USER = "privacy@example.com";
    private static final String PASSWORD = "secret";
    private static final Pattern FETCH_COMMAND = Pattern.compile("(?m)^[A-Z]+\\d+ (UID )?FETCH ");

    @TempDir
    Path work;

    private Dovecot dovecot;
    private Store intake;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        dovecot = Dovecot.start(work.resolve("dovecot"), USER, PASSWORD);
        Store delivery = Session.getInstance(new Properties()).getStore("imap");
        delivery.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
        try {
            delivery.getFolder("INBOX").appendMessages(new Message[] {
                TestMail.withText(TestMail.message("kunde@example.dk", USER, "Indsigt", "<m1@example.dk>"), "Hej")});
        } finally {
            delivery.close();
        }
        Properties properties = new Properties();
        properties.setProperty("mail.imap.class", IntakeImapStore.class.getName());
        intake = Session.getInstance(properties).getStore("imap");
        intake.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (intake != null) {
            intake.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void aSessionNamingTheStoreGetsIt() {
        assertThat(intake).isInstanceOf(IntakeImapStore.class);
    }

    @Test
    void markingOneMailReadSendsNothingWhileOtherFlagsAndAPollsMarkReachTheServer() throws Exception {
        Folder inbox = intake.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message mail = inbox.getMessage(1);

        mail.setFlag(Flags.Flag.SEEN, true);
        mail.setFlag(Flags.Flag.FLAGGED, true);
        assertThat(onTheServer().getSystemFlags()).as("what Camel's consumer marks after each mail").doesNotContain(Flags.Flag.SEEN)
                .contains(Flags.Flag.FLAGGED);

        inbox.setFlags(new Message[] {mail}, new Flags(Flags.Flag.SEEN), true);
        assertThat(onTheServer().getSystemFlags()).as("what the filing of a poll marks").contains(Flags.Flag.SEEN);
        inbox.close(false);
    }

    @Test
    void aPollsSmallMailsAreReadInOneCommandAndALargeOneInFewByteForByteAndAllStayUnread() throws Exception {
        // folded and 8-bit headers, a body without a final line break: what a parse and a new write would change
        String unusual = "From: =?utf-8?q?S=C3=B8ren?= <soren@example.dk>\r\nTo: " + USER + "\r\nSubject: Sletning\r\n"
                + "X-Folded: first part\r\n\tsecond part\r\nMessage-ID: <m2@example.dk>\r\nX-Raw: Ærø \u00e5\r\n\r\nSlet mine data";
        append(new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(unusual.getBytes(StandardCharsets.UTF_8))),
                TestMail.withText(TestMail.message("kunde3@example.dk", USER, "Faktura", "<m3@example.dk>"), "Hej igen"),
                TestMail.withText(TestMail.message("kunde4@example.dk", USER, "Stor", "<m4@example.dk>"),
                        "linje\r\n".repeat(MailboxConfiguration.FETCH_PIECE_SIZE / 6)),
                TestMail.withText(TestMail.message("kunde5@example.dk", USER, "Indsigt", "<m5@example.dk>"), "Hej"));
        ByteArrayOutputStream conversation = new ByteArrayOutputStream();
        Store poller = pollerRecording(conversation);
        List<byte[]> read = new ArrayList<>();
        List<Integer> commandsSoFar = new ArrayList<>();
        try {
            Folder inbox = poller.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            conversation.reset();
            PolledMailPrefetch prefetch = new PolledMailPrefetch(50);
            for (int n = 1; n <= 5; n++) {
                IMAPMessage mail = (IMAPMessage) inbox.getMessage(n);
                prefetch.generateUuid(null, mail);
                mail.setPeek(true); // as Camel's consumer does with peek=true
                read.add(new RawMailReader().read(mail));
                commandsSoFar.add(fetchCommands(conversation));
            }
            inbox.close(false);
        } finally {
            poller.close();
        }

        assertThat(commandsSoFar).as("the poll's details and its small mails' content at the first mail, then the large one on its own")
                .containsExactly(2, 2, 2, 4, 4);
        List<byte[]> held = asAnotherClientReadsThem();
        for (int n = 0; n < 5; n++) {
            assertThat(read.get(n)).as("mail %d", n + 1).isEqualTo(held.get(n));
        }
        assertThat(read.get(3).length).isGreaterThan(MailboxConfiguration.FETCH_PIECE_SIZE);
        assertThat(new String(read.get(1), StandardCharsets.UTF_8)).contains("X-Folded: first part\r\n\tsecond part").endsWith("Slet mine data");
    }

    @Test
    void contentAPollDidNotReadIsLetGoAtTheNextPollAndReadFromTheServerWhenNeeded() throws Exception {
        append(TestMail.withText(TestMail.message("kunde2@example.dk", USER, "Indsigt", "<m2@example.dk>"), "Hej 2"),
                TestMail.withText(TestMail.message("kunde3@example.dk", USER, "Indsigt", "<m3@example.dk>"), "Hej 3"));
        ByteArrayOutputStream conversation = new ByteArrayOutputStream();
        Store poller = pollerRecording(conversation);
        byte[] read;
        try {
            Folder inbox = poller.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            PolledMailPrefetch prefetch = new PolledMailPrefetch(2);
            prefetch.generateUuid(null, inbox.getMessage(1));
            prefetch.generateUuid(null, inbox.getMessage(3));
            conversation.reset();
            read = new RawMailReader().read(inbox.getMessage(1));
            assertThat(fetchCommands(conversation)).as("the first poll's content was let go").isEqualTo(1);
            inbox.close(false);
        } finally {
            poller.close();
        }
        assertThat(read).isEqualTo(asAnotherClientReadsThem().get(0));
    }

    @Test
    void aSessionThatDoesNotNameTheStoreKeepsAngusOwn() throws Exception {
        assertThat(Session.getInstance(new Properties()).getStore("imap")).isNotInstanceOf(IntakeImapStore.class).isInstanceOf(IMAPStore.class);
        assertThat(Session.getInstance(new Properties()).getStore("imaps")).isNotInstanceOf(IntakeImapStore.class).isInstanceOf(IMAPSSLStore.class);
    }

    /** A store on the poller's session as the service configures it, connected, writing what it says to the server. */
    private Store pollerRecording(ByteArrayOutputStream conversation) throws MessagingException {
        MailboxSettings settings = new MailboxSettings(USER, false, "imap", false, "127.0.0.1", dovecot.port(), USER, PASSWORD, "INBOX",
                "Processed", "Quarantine", Duration.ofSeconds(1), 50, 4, null, null, Duration.ofSeconds(30));
        Session session = Session.getInstance(new MailboxConfiguration().mailboxJavaMailProperties(settings));
        session.setDebug(true);
        session.setDebugOut(new PrintStream(conversation, true, StandardCharsets.UTF_8));
        Store poller = session.getStore("imap");
        poller.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
        return poller;
    }

    private void append(Message... mails) throws MessagingException {
        Store delivery = Session.getInstance(new Properties()).getStore("imap");
        delivery.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
        try {
            delivery.getFolder("INBOX").appendMessages(mails);
        } finally {
            delivery.close();
        }
    }

    /** Every inbox mail's bytes and read flag as Angus's own store reads them, one command per mail. */
    private List<byte[]> asAnotherClientReadsThem() throws Exception {
        Store client = Session.getInstance(new Properties()).getStore("imap");
        client.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
        try {
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<byte[]> held = new ArrayList<>();
            for (Message mail : inbox.getMessages()) {
                assertThat(mail.getFlags().contains(Flags.Flag.SEEN)).as("still unread on the server").isFalse();
                held.add(new RawMailReader().read(mail));
            }
            inbox.close(false);
            return held;
        } finally {
            client.close();
        }
    }

    private static int fetchCommands(ByteArrayOutputStream conversation) {
        Matcher commands = FETCH_COMMAND.matcher(conversation.toString(StandardCharsets.UTF_8));
        int count = 0;
        while (commands.find()) {
            count++;
        }
        return count;
    }

    /** The first inbox mail's flags as another client sees them. */
    private Flags onTheServer() throws MessagingException {
        Store client = Session.getInstance(new Properties()).getStore("imap");
        client.connect("127.0.0.1", dovecot.port(), USER, PASSWORD);
        try {
            Folder inbox = client.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getMessage(1).getFlags();
            } finally {
                inbox.close(false);
            }
        } finally {
            client.close();
        }
    }
}
