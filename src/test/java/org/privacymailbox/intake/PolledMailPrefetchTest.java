package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacymailbox.TestMail;

/** What the mail consumer reads of a poll's mails comes from the server in one command, not several per mail. */
class PolledMailPrefetchTest {

    private static final String USER = "privacy@example.com";
    private static final String PASSWORD = "secret";
    private static final Pattern FETCH_COMMAND = Pattern.compile("(?m)^[A-Z]+\\d+ (UID )?FETCH ");

    private final ByteArrayOutputStream conversation = new ByteArrayOutputStream();
    private GreenMail greenMail;
    private Store store;
    private Folder inbox;

    @BeforeEach
    void start() throws Exception {
        int imap = TestMail.freePort();
        greenMail = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
        Session session = Session.getInstance(new Properties());
        session.setDebug(true);
        session.setDebugOut(new PrintStream(conversation, true, StandardCharsets.UTF_8));
        store = session.getStore("imap");
        store.connect("127.0.0.1", imap, USER, PASSWORD);
        List<Message> mails = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            mails.add(TestMail.withText(TestMail.message("kunde" + n + "@example.dk", USER, "Indsigt " + n, "<m" + n + "@example.dk>"), "Hej " + n));
        }
        store.getFolder("INBOX").appendMessages(mails.toArray(Message[]::new));
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        conversation.reset();
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        greenMail.stop();
    }

    @Test
    void aPollsMailDetailsComeInOneFetchCommand() throws Exception {
        PolledMailPrefetch prefetch = new PolledMailPrefetch(5);
        List<String> keys = new ArrayList<>();

        for (int n = 1; n <= 5; n++) {
            Message mail = inbox.getMessage(n);
            keys.add(prefetch.generateUuid(null, mail));
            readAsTheConsumerDoes(mail);
        }

        assertThat(keys).containsExactly("<m1@example.dk>", "<m2@example.dk>", "<m3@example.dk>", "<m4@example.dk>", "<m5@example.dk>");
        assertThat(fetchCommands()).isEqualTo(1);
    }

    @Test
    void theNextPollFetchesItsOwnMails() throws Exception {
        PolledMailPrefetch prefetch = new PolledMailPrefetch(5);
        for (int n = 1; n <= 5; n++) {
            prefetch.generateUuid(null, inbox.getMessage(n));
        }
        conversation.reset();

        assertThat(prefetch.generateUuid(null, inbox.getMessage(6))).isEqualTo("<m6@example.dk>");
        readAsTheConsumerDoes(inbox.getMessage(7));
        assertThat(prefetch.generateUuid(null, inbox.getMessage(7))).isEqualTo("<m7@example.dk>");

        assertThat(fetchCommands()).as("mails 6 and 7 together").isEqualTo(1);
    }

    @Test
    void theContentIsStillReadExactlyAsTheServerHoldsIt() throws Exception {
        Message mail = inbox.getMessage(1);
        new PolledMailPrefetch(5).generateUuid(null, mail);

        byte[] read = new RawMailReader().read(mail);

        Store plain = Session.getInstance(new Properties()).getStore("imap");
        plain.connect("127.0.0.1", greenMail.getImap().getPort(), USER, PASSWORD);
        try {
            Folder folder = plain.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            assertThat(read).isEqualTo(new RawMailReader().read(folder.getMessage(1)));
        } finally {
            plain.close();
        }
    }

    /** Headers, sent date, content type, flags and size: what Camel's mail binding and our reader ask for. */
    private static void readAsTheConsumerDoes(Message mail) throws Exception {
        assertThat(mail.getAllHeaders().hasMoreElements()).isTrue();
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getFlags().contains(Flags.Flag.DELETED)).isFalse();
        assertThat(mail.getSize()).isPositive();
    }

    private int fetchCommands() {
        Matcher commands = FETCH_COMMAND.matcher(conversation.toString(StandardCharsets.UTF_8));
        int count = 0;
        while (commands.find()) {
            count++;
        }
        return count;
    }
}
