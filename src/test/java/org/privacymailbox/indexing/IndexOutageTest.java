package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The index directory stops accepting writes (a read-only remount, a full disk, a wrong permission): mail waits in
 * the mailbox, health says the index is down and why, and processing resumes by itself once the directory is
 * writable again, each mail indexed once.
 */
class IndexOutageTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private static final Duration PROCESSING = Duration.ofSeconds(90);

    @TempDir
    Path work;

    /**
     * Makes the directory refuse new files. Root ignores permissions, so as root the directory is made immutable
     * (chattr +i), which holds for root too.
     */
    private static boolean writable(Path directory, boolean writable) throws Exception {
        if (System.getProperty("user.name").equals("root")) {
            Process chattr = new ProcessBuilder("chattr", writable ? "-i" : "+i", directory.toString()).redirectErrorStream(true).start();
            return chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(writable ? "rwxr-xr-x" : "r-xr-xr-x"));
        return true;
    }

    private static void send(int smtp, String messageId, String text) throws Exception {
        TestMail.deliver(smtp, TestMail.withText(TestMail.message("kirsten@example.dk", MAILBOX, "Indsigt", messageId), text));
    }

    @Test
    void mailWaitsWhileTheIndexCannotBeWrittenAndIsIndexedOnceWhenItCan() throws Exception {
        int imap = TestMail.freePort();
        int smtp = TestMail.freePort();
        Path index = work.resolve("data/index");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(
                "--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.port=" + imap,
                "--privacy-mailbox.smtp.port=" + smtp,
                "--privacy-mailbox.mailbox.poll-interval=500ms",
                "--server.port=0")) {
            MailIndex mails = service.getBean(MailIndex.class);
            HealthIndicator health = service.getBean("index", HealthIndicator.class);
            String before = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, before, "Jeg beder om indsigt i mine oplysninger. Søpapegøje.");
            await("indexed while the index is writable", PROCESSING, () -> mails.search("søpapegøje", 10).total() == 1);

            Assumptions.assumeTrue(writable(index, false), "chattr is not available to make the index read-only");
            try {
                String during = "<" + UUID.randomUUID() + "@example.dk>";
                send(smtp, during, "Slet venligst mine oplysninger. Havterne.");
                await("health says the index cannot be written", PROCESSING, () -> health.health().getStatus().equals(Status.DOWN));
                assertThat(health.health().getDetails().get("error").toString()).contains("cannot be written");
                Thread.sleep(3000);
                assertThat(TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "INBOX"), during))
                        .as("the mail waits in the mailbox").isTrue();
                assertThat(TestMail.folder(imap, MAILBOX, MAILBOX, "Quarantine")).as("nothing quarantined").isEmpty();
                assertThat(mails.search("søpapegøje", 10).total()).as("searching goes on").isEqualTo(1);
            } finally {
                writable(index, true);
            }
            await("indexed once the index is writable again", PROCESSING, () -> mails.search("havterne", 10).total() == 1);
            await("filed", PROCESSING, () -> TestMail.folder(imap, MAILBOX, MAILBOX, "INBOX").isEmpty());
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(mails.count()).isEqualTo(2);
        } finally {
            writable(index, true);
        }
    }
}
