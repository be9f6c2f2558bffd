package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.PoisonParser;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.privacymailbox.indexing.MailIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** The intake against a real IMAP server, Dovecot (Debian's dovecot-imapd, installed by .ci/run). */
class DovecotIntakeTest {

    private static final String MAILBOX = "privacy@example.com";
    private static final Duration PROCESSING = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private static void append(int port, MimeMessage... messages) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, MAILBOX, "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(messages);
        } finally {
            store.close();
        }
    }

    private static int count(int port, String folder) throws Exception {
        return TestMail.folder(port, MAILBOX, "secret", folder).size();
    }

    @Test
    void mailIsFiledOnceDuplicatesAndPoisonAreHandledAndAnOutageIsSurvived() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        int smtp = TestMail.freePort();
        GreenMail acknowledgements = new GreenMail(new ServerSetup(smtp, "127.0.0.1", "smtp"));
        acknowledgements.start();
        Dovecot dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret");
        int imap = dovecot.port();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class, PoisonParser.class).run(
                "--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.embedded=false",
                "--privacy-mailbox.mailbox.address=" + MAILBOX,
                "--privacy-mailbox.mailbox.password=secret",
                "--privacy-mailbox.mailbox.port=" + imap,
                "--privacy-mailbox.mailbox.poll-interval=500ms",
                "--privacy-mailbox.smtp.port=" + smtp,
                "--server.port=0")) {
            String id = "<" + UUID.randomUUID() + "@example.dk>";
            MimeMessage first = TestMail.withText(TestMail.message("kirsten@example.dk", MAILBOX, "Indsigt", id),
                    "Jeg beder om indsigt i mine oplysninger. Havørn.");
            MimeMessage again = TestMail.withText(TestMail.message("kirsten@example.dk", MAILBOX, "Indsigt", id),
                    "Jeg beder om indsigt i mine oplysninger. Havørn.");
            MimeMessage poison = TestMail.withAttachment(TestMail.message("eva@example.se", MAILBOX, "Bilaga", "<" + UUID.randomUUID() + "@x>"),
                    "Se bilagan.", "poison.bin", "application/octet-stream", new byte[] {1, 2, 3});
            // the folders Processed and Quarantine do not exist yet: the service creates them
            append(imap, first, again, poison);
            await("filed in Dovecot", PROCESSING, () -> count(imap, "Processed") == 2 && count(imap, "Quarantine") == 1
                    && count(imap, "INBOX") == 0);
            MailIndex index = service.getBean(MailIndex.class);
            assertThat(index.search("havørn", 10).total()).as("indexed once").isEqualTo(1);
            await("one acknowledgement", PROCESSING, () -> acknowledgements.getReceivedMessages().length == 1);

            dovecot.kill();
            HealthIndicator mailbox = service.getBean("mailbox", HealthIndicator.class);
            assertThat(mailbox.health().getStatus()).as("health while the IMAP server is down").isEqualTo(Status.DOWN);
            Thread.sleep(1500); // a few polls fail meanwhile
            assertThat(service.getBean(MeterRegistry.class).counter("privacymailbox.mailbox.poll.errors").count())
                    .as("failed polls counted").isGreaterThan(0);

            dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret", imap);
            assertThat(mailbox.health().getStatus()).isEqualTo(Status.UP);
            String laterId = "<" + UUID.randomUUID() + "@example.dk>";
            append(imap, TestMail.withText(TestMail.message("ole@example.no", MAILBOX, "Purring", laterId), "Hvorfor purregebyr? Fjellrev."));
            await("processing resumed by itself", PROCESSING, () -> count(imap, "Processed") == 3);
            assertThat(index.search("fjellrev", 10).total()).isEqualTo(1);
        } finally {
            dovecot.close();
            acknowledgements.stop();
        }
    }
}
