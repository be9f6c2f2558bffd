package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.privacymailbox.indexing.MailIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

/**
 * Faults of a real IMAP server (Dovecot): killed in the middle of a poll, and a mailbox whose UIDVALIDITY changes
 * (restored from a backup, or moved to another server). Either way no mail is lost, processed twice or filed twice.
 */
class DovecotCrashTest {

    private static final String MAILBOX = "privacy@example.com";
    private static final Duration PROCESSING = Duration.ofSeconds(120);

    @TempDir
    Path work;

    private GreenMail smtp;
    private Dovecot dovecot;
    private ConfigurableApplicationContext service;

    @BeforeEach
    void servers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        smtp = new GreenMail(new ServerSetup(TestMail.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret");
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startService(int maxPerPoll) {
        List<String> settings = new ArrayList<>(dovecot.serviceSettings());
        settings.addAll(List.of("--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.poll-interval=300ms",
                "--privacy-mailbox.mailbox.max-messages-per-poll=" + maxPerPoll,
                "--privacy-mailbox.acknowledgement.max-per-minute=10000",
                "--privacy-mailbox.smtp.port=" + smtp.getSmtp().getPort(),
                "--server.port=0"));
        service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(settings.toArray(String[]::new));
    }

    private static MimeMessage inquiry(int number) throws Exception {
        return TestMail.withText(TestMail.message("customer" + number + "@example.dk", MAILBOX, "Indsigt " + number,
                messageId(number)), "Jeg beder om indsigt i de oplysninger, I har om mig. Sag nummer " + number + ".");
    }

    private static String messageId(int number) {
        return "<inquiry-" + number + "@example.dk>";
    }

    private void append(List<MimeMessage> messages) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), MAILBOX, "secret");
        try {
            store.getFolder("INBOX").appendMessages(messages.toArray(MimeMessage[]::new));
        } finally {
            store.close();
        }
    }

    private List<MimeMessage> folder(String name) throws Exception {
        return TestMail.folder(dovecot.port(), MAILBOX, "secret", name);
    }

    private long uidValidity() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", dovecot.port(), MAILBOX, "secret");
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUIDValidity();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Message-ID → how many messages carry it. */
    private static Map<String, Integer> countById(List<MimeMessage> messages) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : messages) {
            counts.merge(message.getMessageID(), 1, Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> queued(String queue) throws Exception {
        JmsTemplate jms = new JmsTemplate(service.getBean(ConnectionFactory.class));
        jms.setReceiveTimeout(1000);
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> counts = new HashMap<>();
        Message message;
        while ((message = jms.receive(queue)) != null) {
            counts.merge(json.readTree(((TextMessage) message).getText()).get("messageId").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> acknowledged() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage ack : smtp.getReceivedMessages()) {
            counts.merge(ack.getHeader("In-Reply-To", null), 1, Integer::sum);
        }
        return counts;
    }

    private void assertEachProcessedOnce(int mails) throws Exception {
        Map<String, Integer> processed = countById(folder("Processed"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= mails; i++) {
            ids.add(messageId(i));
        }
        assertThat(folder("INBOX")).as("inbox emptied").isEmpty();
        assertThat(folder("Quarantine")).as("nothing quarantined").isEmpty();
        assertThat(processed).as("each mail filed exactly once").containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        MailIndex index = service.getBean(MailIndex.class);
        assertThat(index.count()).as("indexed once each").isEqualTo(mails);
        assertThat(queued("privacy.inquiries")).as("one queue message each").containsOnlyKeys(ids)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        await("acknowledgements", PROCESSING, () -> smtp.getReceivedMessages().length >= mails);
        Thread.sleep(1000);
        assertThat(acknowledged()).as("one acknowledgement each").containsOnlyKeys(ids)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void imapServerKilledInTheMiddleOfAPollLosesNothingAndRepeatsNothing() throws Exception {
        int mails = 40;
        List<MimeMessage> messages = new ArrayList<>();
        for (int i = 1; i <= mails; i++) {
            messages.add(inquiry(i));
        }
        append(messages);
        startService(mails);
        // the whole inbox is one poll: kill the server once part of it is filed
        await("part of the poll filed", PROCESSING, () -> folder("Processed").size() >= 5);
        dovecot.kill();
        Thread.sleep(2000);
        dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret", dovecot.port());

        await("every mail filed after the restart", PROCESSING, () -> folder("INBOX").isEmpty() && folder("Processed").size() >= mails);
        Thread.sleep(2000);
        assertEachProcessedOnce(mails);
    }

    @Test
    void aChangedUidValidityMakesOldMailLookNewButNothingIsProcessedTwice() throws Exception {
        append(List.of(inquiry(1), inquiry(2)));
        startService(10);
        await("first mails filed", PROCESSING, () -> folder("Processed").size() == 2);
        long before = uidValidity();

        // the mailbox is restored from a backup taken before the mails were filed: the server's index is rebuilt
        // and the mails are back in the inbox under a new UIDVALIDITY
        service.stop();
        dovecot.close();
        Path maildir = dovecot.maildir();
        try (Stream<Path> filed = Files.list(maildir.resolve(".Processed/cur"))) {
            for (Path mail : filed.toList()) {
                Path restored = Files.copy(mail, maildir.resolve("cur").resolve(mail.getFileName().toString().replaceAll(":2,.*", ":2,")));
                // restored by root, read by Dovecot's mail process
                Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        }
        try (Stream<Path> state = Files.walk(maildir)) {
            for (Path file : state.filter(path -> path.getFileName().toString().startsWith("dovecot")).toList()) {
                Files.delete(file);
            }
        }
        Thread.sleep(1100); // UIDVALIDITY is a time in seconds
        dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret", dovecot.port());
        append(List.of(inquiry(3)));
        assertThat(uidValidity()).as("the server has a new UIDVALIDITY").isNotEqualTo(before);
        assertThat(folder("INBOX")).hasSize(3);

        service.start();
        await("restored and new mail filed", PROCESSING, () -> folder("INBOX").isEmpty());
        Thread.sleep(2000);
        MailIndex index = service.getBean(MailIndex.class);
        assertThat(index.count()).as("indexed once each").isEqualTo(3);
        assertThat(acknowledged()).as("the restored mails are not acknowledged again")
                .containsOnlyKeys(messageId(1), messageId(2), messageId(3)).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(queued("privacy.inquiries")).as("nor routed again")
                .containsOnlyKeys(messageId(1), messageId(2), messageId(3)).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aMailWhoseFilingACrashCutShortIsRemovedFromTheInboxNotFiledTwice() throws Exception {
        // only a server without MOVE files in two steps (copy, then delete) that a crash can come between
        dovecot.close();
        dovecot = Dovecot.startWithoutMove(work.resolve("dovecot-without-move"), MAILBOX, "secret");
        append(List.of(inquiry(1)));
        startService(10);
        await("filed", PROCESSING, () -> folder("Processed").size() == 1);
        service.stop();

        // the state a crash between the consumer's copy and its delete leaves: the marked original still in the inbox
        MimeMessage original = inquiry(1);
        original.setFlags(new jakarta.mail.Flags(InterruptedFiling.KEYWORD), true);
        // a second delivery of the same mail is not marked: it is filed as any delivery is
        MimeMessage secondDelivery = inquiry(1);
        append(List.of(original, secondDelivery));
        service.start();

        await("inbox emptied", PROCESSING, () -> folder("INBOX").isEmpty());
        assertThat(countById(folder("Processed")).get(messageId(1))).as("the interrupted copy is not filed again, the second delivery is")
                .isEqualTo(2);
        assertThat(service.getBean(MailIndex.class).count()).isEqualTo(1);
        Thread.sleep(1000);
        assertThat(acknowledged()).containsOnlyKeys(messageId(1)).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
}
