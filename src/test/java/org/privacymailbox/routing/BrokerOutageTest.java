package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An external broker (an Artemis server of its own, reached over TCP) that goes away: mail waits in the mailbox,
 * health says the broker is down, and everything flows again when it is back, each mail routed once.
 */
class BrokerOutageTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";

    @TempDir
    Path work;

    private EmbeddedActiveMQ broker(int port) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setJournalDirectory(work.resolve("broker/journal").toString());
        configuration.setBindingsDirectory(work.resolve("broker/bindings").toString());
        configuration.setLargeMessagesDirectory(work.resolve("broker/large").toString());
        configuration.setPagingDirectory(work.resolve("broker/paging").toString());
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return broker;
    }

    private static void send(int smtp, String subject, String messageId, String text) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtp));
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(properties);
        MimeMessage message = TestMail.withText(TestMail.message("kirsten@example.dk", MAILBOX, subject, messageId), text);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static List<String> drain(int port, String queue) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            jakarta.jms.Message message;
            while ((message = consumer.receive(1000)) != null) {
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }

    @Test
    void mailWaitsWhileTheBrokerIsDownAndIsRoutedOnceWhenItIsBack() throws Exception {
        int brokerPort = TestMail.freePort();
        int imap = TestMail.freePort();
        int smtp = TestMail.freePort();
        EmbeddedActiveMQ broker = broker(brokerPort);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(
                "--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.port=" + imap,
                "--privacy-mailbox.smtp.port=" + smtp,
                "--privacy-mailbox.mailbox.poll-interval=500ms",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--server.port=0")) {
            String before = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, "Indsigt", before, "Jeg beder om indsigt i mine oplysninger.");
            await("routed while the broker is up", Duration.ofSeconds(60),
                    () -> TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Processed"), before));

            broker.stop();
            HealthIndicator jms = service.getBeansOfType(HealthIndicator.class).entrySet().stream()
                    .filter(bean -> bean.getKey().toLowerCase(java.util.Locale.ROOT).contains("jms")).findFirst().orElseThrow().getValue();
            String during = "<" + UUID.randomUUID() + "@example.dk>";
            send(smtp, "Sletning", during, "Slet venligst mine oplysninger.");
            Thread.sleep(5000);
            assertThat(jms.health().getStatus()).as("health says the broker is down").isEqualTo(Status.DOWN);
            assertThat(TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "INBOX"), during))
                    .as("the mail waits in the mailbox").isTrue();
            assertThat(TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Quarantine"), during)).isFalse();

            broker = broker(brokerPort);
            await("routed once the broker is back", Duration.ofSeconds(90),
                    () -> TestMail.containsMessageId(TestMail.folder(imap, MAILBOX, MAILBOX, "Processed"), during));
            assertThat(jms.health().getStatus()).isEqualTo(Status.UP);
            List<String> routed = drain(brokerPort, "privacy.inquiries");
            assertThat(routed.stream().filter(body -> body.contains(before.substring(1, before.length() - 1)))).hasSize(1);
            assertThat(routed.stream().filter(body -> body.contains(during.substring(1, during.length() - 1)))).hasSize(1);
        } finally {
            broker.stop();
        }
    }
}
