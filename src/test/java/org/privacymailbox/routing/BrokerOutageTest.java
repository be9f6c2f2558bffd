package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import jakarta.jms.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.ArtemisServer;
import org.privacymailbox.BrokerJournal;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Routing through an external broker, the standalone Artemis distribution run as a process of its own: mail reaches
 * the topic's queue; when the broker crashes (SIGKILL) mail waits in the mailbox and health says the broker is down;
 * when it is started again everything flows by itself, each mail routed once.
 */
class BrokerOutageTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";

    @TempDir
    Path work;

    private static void send(int smtp, String subject, String messageId, String text) throws Exception {
        TestMail.deliver(smtp, TestMail.withText(TestMail.message("kirsten@example.dk", MAILBOX, subject, messageId), text));
    }

    private static List<String> drain(ArtemisServer broker, String queue) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                Connection connection = factory.createConnection(ArtemisServer.USER, ArtemisServer.PASSWORD)) {
            connection.start();
            return BrokerJournal.drain(connection, queue, 1000);
        }
    }

    @Test
    void mailWaitsWhileTheBrokerIsDownAndIsRoutedOnceWhenItIsBack() throws Exception {
        Assumptions.assumeTrue(ArtemisServer.unpacked(), "the Artemis distribution is unpacked by mvn test");
        int imap = TestMail.freePort();
        int smtp = TestMail.freePort();
        ArtemisServer broker = ArtemisServer.create(work);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(
                "--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.port=" + imap,
                "--privacy-mailbox.smtp.port=" + smtp,
                "--privacy-mailbox.mailbox.poll-interval=500ms",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + broker.url(),
                "--spring.artemis.user=" + ArtemisServer.USER,
                "--spring.artemis.password=" + ArtemisServer.PASSWORD,
                "--server.port=0")) {
            String before = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, "Indsigt", before, "Jeg beder om indsigt i mine oplysninger.");
            String invoice = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, "Faktura 88812", invoice, "Jeg har fået faktura 88812 to gange og betalt den første. Hvornår får jeg pengene tilbage?");
            await("routed while the broker is up", Duration.ofSeconds(60),
                    () -> TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Processed"), before)
                            && TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Processed"), invoice));

            broker.kill();
            HealthIndicator jms = service.getBeansOfType(HealthIndicator.class).entrySet().stream()
                    .filter(bean -> bean.getKey().toLowerCase(java.util.Locale.ROOT).contains("jms")).findFirst().orElseThrow().getValue();
            String during = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, "Sletning", during, "Slet venligst mine oplysninger.");
            Thread.sleep(5000);
            assertThat(jms.health().getStatus()).as("health says the broker is down").isEqualTo(Status.DOWN);
            assertThat(TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "INBOX"), during))
                    .as("the mail waits in the mailbox").isTrue();
            assertThat(TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Quarantine"), during)).isFalse();

            broker.start();
            await("routed once the broker is back", Duration.ofSeconds(90),
                    () -> TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Processed"), during));
            assertThat(jms.health().getStatus()).isEqualTo(Status.UP);
            List<String> routed = drain(broker, "privacy.inquiries");
            assertThat(routed.stream().filter(body -> body.contains(before.substring(1, before.length() - 1)))).hasSize(1);
            assertThat(routed.stream().filter(body -> body.contains(during.substring(1, during.length() - 1)))).hasSize(1);
            List<String> billing = drain(broker, "billing.inquiries");
            assertThat(billing).hasSize(1);
            assertThat(billing.get(0)).contains(invoice.substring(1, invoice.length() - 1)).contains("88812");
        } finally {
            broker.close();
        }
    }
}
