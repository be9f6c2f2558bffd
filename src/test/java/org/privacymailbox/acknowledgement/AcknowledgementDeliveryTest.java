package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacymailbox.TestMail;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.ParsedMail;

/** Every template, through the outbox's bytes, a real SMTP server and back over IMAP, decoded as the customer sees it. */
class AcknowledgementDeliveryTest {

    private static final Map<String, String> RECEIVED = Map.of(
            "da", "Vi har modtaget din henvendelse", "sv", "Vi har tagit emot ditt ärende", "no", "Vi har mottatt henvendelsen din",
            "fi", "Olemme vastaanottaneet yhteydenottosi", "en", "We have received your inquiry", "de", "Wir haben Ihre Anfrage erhalten");
    private static final Map<String, String> SIGNED = Map.of(
            "da", "Databeskyttelsesteamet", "sv", "Vänliga hälsningar", "no", "Personvernteamet", "fi", "Ystävällisin terveisin",
            "en", "Kind regards", "de", "Mit freundlichen Grüßen");

    private final int smtp = TestMail.freePort();
    private final int imap = TestMail.freePort();
    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"), new ServerSetup(imap, "127.0.0.1", "imap")});
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void everyTemplateArrivesInItsLanguageWithItsCharacters() throws Exception {
        AcknowledgementComposer composer = AcknowledgementTest.composer();
        AcknowledgementOutbox outbox = new AcknowledgementOutbox();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtp));
        Session session = Session.getInstance(properties);
        int sent = 0;
        for (String language : RECEIVED.keySet()) {
            for (Topic topic : List.of(Topic.PRIVACY, Topic.BILLING, Topic.OTHER)) {
                String customer = language + "-" + topic.label() + "@example.org";
                server.setUser(customer, customer, customer);
                MimeMessage composed = composer.compose(inquiry(customer, language, topic, "Spørgsmål om æøå – ärende"),
                        AcknowledgementDecision.sendTo(customer));
                MimeMessage fromOutbox = outbox.toMessage(outbox.toBytes(composed));
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    transport.sendMessage(fromOutbox, fromOutbox.getAllRecipients());
                }
                sent++;
                List<MimeMessage> inbox = TestMail.folder(imap, customer, customer, "INBOX");
                assertThat(inbox).as(customer).hasSize(1);
                MimeMessage received = inbox.get(0);
                assertThat(received.getSubject()).isEqualTo("[DPO-2026-000042] " + RECEIVED.get(language) + ": Spørgsmål om æøå – ärende");
                assertThat(received.getMessageID()).isEqualTo(composed.getMessageID());
                String body = ((String) received.getContent()).replace("\r\n", "\n");
                assertThat(body).as(language + " " + topic).contains("DPO-2026-000042", SIGNED.get(language)).isEqualToIgnoringWhitespace((String) composed.getContent());
                assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
            }
        }
        assertThat(sent).isEqualTo(18);
    }

    private static Inquiry inquiry(String customer, String language, Topic topic, String subject) {
        ParsedMail mail = new ParsedMail("<q@example.org>", customer, null, null, subject, null, "text/plain", Map.of(), "tekst", List.of());
        return new Inquiry(new ArchivedMail("0".repeat(64), new byte[0]),
                new CaseFile("mid:q@example.org", "DPO-2026-000042", Instant.parse("2026-03-01T10:00:00Z"), Set.of()), mail,
                new Classification(topic, 0.9, language, 0.9, "", List.of()));
    }
}
