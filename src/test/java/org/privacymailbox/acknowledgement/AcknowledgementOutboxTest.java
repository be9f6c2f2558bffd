package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Acknowledgements against real servers: a mailbox and an SMTP server that come and go, and two services that
 * write to each other. GreenMail plays the mail servers; the service runs whole, with its embedded broker.
 */
class AcknowledgementOutboxTest {

    private static final Duration PROCESSING = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private static GreenMail mailServer(int smtp, int imap) {
        GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"), new ServerSetup(imap, "127.0.0.1", "imap")});
        server.start();
        return server;
    }

    private ConfigurableApplicationContext service(String name, String address, int imap, int ackSmtp) {
        // command-line arguments: they take precedence over application.yml, as an operator's would
        return new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(
                "--privacy-mailbox.data-dir=" + work.resolve(name),
                "--privacy-mailbox.mailbox.embedded=false",
                "--privacy-mailbox.mailbox.address=" + address,
                "--privacy-mailbox.mailbox.password=secret",
                "--privacy-mailbox.mailbox.port=" + imap,
                "--privacy-mailbox.mailbox.poll-interval=500ms",
                "--privacy-mailbox.smtp.port=" + ackSmtp,
                "--privacy-mailbox.acknowledgement.retry-delay=300ms",
                "--privacy-mailbox.acknowledgement.retry-max-delay=1s",
                "--server.port=0");
    }

    private static void send(int smtp, String from, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtp));
        Session session = Session.getInstance(properties);
        MimeMessage message = TestMail.withText(TestMail.message(from, to, subject, "<" + UUID.randomUUID() + "@mail.example.org>"), text);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static long acknowledgements(GreenMail server, String user) throws Exception {
        long count = 0;
        for (MimeMessage message : server.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(user) && message.getHeader("Auto-Submitted") != null) {
                count++;
            }
        }
        return count;
    }

    @Test
    void anSmtpOutageDelaysAcknowledgementsButLosesNoneAndSendsEachOnce() throws Exception {
        String mailboxAddress = "privacy@alpha.example";
        int mailboxSmtp = TestMail.freePort();
        int mailboxImap = TestMail.freePort();
        int outgoingSmtp = TestMail.freePort();
        GreenMail mailbox = mailServer(mailboxSmtp, mailboxImap);
        mailbox.setUser(mailboxAddress, mailboxAddress, "secret");
        GreenMail outgoing = null;
        try (ConfigurableApplicationContext service = service("outage", mailboxAddress, mailboxImap, outgoingSmtp)) {
            send(mailboxSmtp, "anna@example.se", mailboxAddress, "Radera mina uppgifter", "Jag vill att ni raderar mina uppgifter.");
            send(mailboxSmtp, "ole@example.no", mailboxAddress, "Purring", "Hvorfor har jeg fått purregebyr?");
            await("both mails processed while SMTP is down", PROCESSING,
                    () -> TestMail.folder(mailboxImap, mailboxAddress, "secret", "Processed").size() == 2);
            Thread.sleep(2000); // a few failed attempts
            HealthIndicator smtpHealth = service.getBean("smtp", HealthIndicator.class);
            assertThat(smtpHealth.health().getStatus()).as("health says which part is down").isEqualTo(Status.DOWN);

            outgoing = mailServer(outgoingSmtp, TestMail.freePort());
            assertThat(smtpHealth.health().getStatus()).isEqualTo(Status.UP);
            GreenMail server = outgoing;
            await("acknowledgements once SMTP is back", PROCESSING,
                    () -> acknowledgements(server, "anna@example.se") == 1 && acknowledgements(server, "ole@example.no") == 1);
            Thread.sleep(3000);
            assertThat(acknowledgements(outgoing, "anna@example.se")).as("sent once").isEqualTo(1);
            assertThat(acknowledgements(outgoing, "ole@example.no")).as("sent once").isEqualTo(1);
        } finally {
            mailbox.stop();
            if (outgoing != null) {
                outgoing.stop();
            }
        }
    }

    @Test
    void twoServicesWritingToEachOtherExchangeOneAcknowledgementEachAndStop() throws Exception {
        String alpha = "privacy@alpha.example";
        String beta = "privacy@beta.example";
        int alphaSmtp = TestMail.freePort();
        int alphaImap = TestMail.freePort();
        int betaSmtp = TestMail.freePort();
        int betaImap = TestMail.freePort();
        GreenMail alphaServer = mailServer(alphaSmtp, alphaImap);
        GreenMail betaServer = mailServer(betaSmtp, betaImap);
        alphaServer.setUser(alpha, alpha, "secret");
        betaServer.setUser(beta, beta, "secret");
        // each service's customer is the other's mailbox: its acknowledgements go to the other's server
        try (ConfigurableApplicationContext first = service("alpha", alpha, alphaImap, betaSmtp);
                ConfigurableApplicationContext second = service("beta", beta, betaImap, alphaSmtp)) {
            send(alphaSmtp, beta, alpha, "Indsigt", "Jeg beder om indsigt i mine oplysninger.");
            send(betaSmtp, alpha, beta, "Sletning", "Slet venligst mine oplysninger.");
            await("each service answered the other once", PROCESSING,
                    () -> acknowledgements(betaServer, beta) == 1 && acknowledgements(alphaServer, alpha) == 1);
            Thread.sleep(5000); // time enough for a loop to show
            assertThat(acknowledgements(betaServer, beta)).isEqualTo(1);
            assertThat(acknowledgements(alphaServer, alpha)).isEqualTo(1);
            List<MimeMessage> alphaProcessed = TestMail.folder(alphaImap, alpha, "secret", "Processed");
            List<MimeMessage> betaProcessed = TestMail.folder(betaImap, beta, "secret", "Processed");
            assertThat(alphaProcessed).as("the first mail and the other's acknowledgement").hasSize(2);
            assertThat(betaProcessed).hasSize(2);
        } finally {
            alphaServer.stop();
            betaServer.stop();
        }
    }
}
