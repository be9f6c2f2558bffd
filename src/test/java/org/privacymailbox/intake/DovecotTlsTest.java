package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacymailbox.TestMail.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.Dovecot;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** IMAPS and STARTTLS against Dovecot with a self-signed certificate, trusted through the configured trust store. */
class DovecotTlsTest {

    private static final String MAILBOX = "privacy@example.com";

    @TempDir
    Path work;

    @Test
    void imapsAndStarttlsWorkWithTheConfiguredTrustStoreAndNotWithout() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        int smtp = TestMail.freePort();
        GreenMail acknowledgements = new GreenMail(new ServerSetup(smtp, "127.0.0.1", "smtp"));
        acknowledgements.start();
        try (Dovecot dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret", TestMail.freePort(), true)) {
            Properties untrusting = MailSessionProperties.of("imaps", false, Duration.ofSeconds(10), null, null);
            Store store = Session.getInstance(untrusting).getStore("imaps");
            assertThatThrownBy(() -> store.connect("127.0.0.1", dovecot.tlsPort(), MAILBOX, "secret"))
                    .as("a self-signed certificate without the trust store").isInstanceOf(MessagingException.class);

            for (String[] mode : new String[][] {{"imaps", Integer.toString(dovecot.tlsPort()), "false"},
                    {"imap", Integer.toString(dovecot.port()), "true"}}) {
                try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(
                        "--privacy-mailbox.data-dir=" + work.resolve("data-" + mode[0]),
                        "--privacy-mailbox.mailbox.embedded=false",
                        "--privacy-mailbox.mailbox.address=" + MAILBOX,
                        "--privacy-mailbox.mailbox.password=secret",
                        "--privacy-mailbox.mailbox.protocol=" + mode[0],
                        "--privacy-mailbox.mailbox.port=" + mode[1],
                        "--privacy-mailbox.mailbox.starttls=" + mode[2],
                        "--privacy-mailbox.mailbox.trust-store=" + dovecot.trustStore(),
                        "--privacy-mailbox.mailbox.trust-store-password=changeit",
                        "--privacy-mailbox.mailbox.poll-interval=500ms",
                        "--privacy-mailbox.smtp.port=" + smtp,
                        "--server.port=0")) {
                    String id = "<" + UUID.randomUUID() + "@example.dk>";
                    Store writer = Session.getInstance(new Properties()).getStore("imap");
                    writer.connect("127.0.0.1", dovecot.port(), MAILBOX, "secret");
                    writer.getFolder("INBOX").appendMessages(new jakarta.mail.Message[] {
                            TestMail.withText(TestMail.message("anna@example.se", MAILBOX, "Fråga", id), "Vilka uppgifter har ni? (" + mode[0] + ")")});
                    writer.close();
                    await("read over " + mode[0], Duration.ofSeconds(60),
                            () -> TestMail.containsMessageId(TestMail.folder(dovecot.port(), MAILBOX, "secret", "Processed"), id));
                }
            }
        } finally {
            acknowledgements.stop();
        }
        assertThat(work.resolve("data-imaps")).exists();
    }
}
