package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.TestMail;

/** The poller's IMAP store, against Dovecot: the per-mail mark as read is left to the filing of the poll. */
class IntakeImapStoreTest {

    private static final String USER = "privacy@example.com";
    private static final String PASSWORD = "secret";

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
