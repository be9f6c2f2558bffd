package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacymailbox.TestMail;

/** Acknowledgements over a real SMTP server (GreenMail), one connection kept between them. */
class ReusedSmtpConnectionTest {

    private final int port = TestMail.freePort();
    private final SettableClock clock = new SettableClock();
    private GreenMail server;
    private ReusedSmtpConnection sender;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
        sender = sender(100);
    }

    @AfterEach
    void stop() {
        sender.close();
        server.stop();
    }

    @Test
    void aBurstOfAcknowledgementsSharesOneConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            sender.send(mail(i));
        }

        assertThat(recipientsReceived()).containsExactly("c0@example.org", "c1@example.org", "c2@example.org",
                "c3@example.org", "c4@example.org");
        assertThat(sender.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void theComposersMessageIdIsKept() throws Exception {
        MimeMessage mail = mail(0);
        mail.setHeader("Message-ID", "<ack-0@privacy.example>");

        sender.send(mail);

        assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo("<ack-0@privacy.example>");
    }

    @Test
    void afterTheLimitOfMailsAConnectionIsReplaced() throws Exception {
        sender.close();
        sender = sender(2);

        for (int i = 0; i < 5; i++) {
            sender.send(mail(i));
        }

        assertThat(recipientsReceived()).hasSize(5);
        assertThat(sender.connectionsOpened()).isEqualTo(3);
    }

    @Test
    void aConnectionTheServerDroppedDuringAPauseIsReplacedBeforeTheNextMail() throws Exception {
        sender.send(mail(0));
        restartServer();
        clock.advance(Duration.ofSeconds(2));

        sender.send(mail(1));

        assertThat(recipientsReceived()).containsExactly("c1@example.org");
        assertThat(sender.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void aSendThatFailsLeavesNoBrokenConnectionForTheNextAttempt() throws Exception {
        sender.send(mail(0));
        restartServer();

        // no pause, so the dropped connection is used unchecked: this attempt fails and the outbox will try again
        assertThatThrownBy(() -> sender.send(mail(1))).isInstanceOf(MessagingException.class);
        sender.send(mail(1));

        assertThat(recipientsReceived()).containsExactly("c1@example.org");
        assertThat(sender.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void anUnreachableServerIsAnErrorNotASilentLoss() {
        server.stop();

        assertThatThrownBy(() -> sender.send(mail(0))).isInstanceOf(MessagingException.class);
    }

    private ReusedSmtpConnection sender(int messagesPerConnection) {
        ReusedSmtpConnection created = new ReusedSmtpConnection(messagesPerConnection, clock);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        created.setJavaMailProperties(properties);
        created.setHost("127.0.0.1");
        created.setPort(port);
        created.setProtocol("smtp");
        return created;
    }

    private void restartServer() {
        server.stop();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
    }

    private String[] recipientsReceived() {
        return Arrays.stream(server.getReceivedMessages()).map(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(String[]::new);
    }

    private static MimeMessage mail(int i) throws MessagingException {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom("nordic.dataprivacy@example.com");
        mail.setRecipients(MimeMessage.RecipientType.TO, "c" + i + "@example.org");
        mail.setSubject("We have received your inquiry " + i);
        mail.setText("Case " + i);
        return mail;
    }
}
