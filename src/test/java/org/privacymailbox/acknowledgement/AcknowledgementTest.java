package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class AcknowledgementTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private final AcknowledgementPolicy policy = new AcknowledgementPolicy(true, MAILBOX);
    private final AcknowledgementComposer composer = composer();

    static AcknowledgementSettings settings() {
        return new AcknowledgementSettings(true, "Data Protection", "Europe/Copenhagen", new ClassPathResource("acknowledgement/"),
                "Nordic Leasing", "kundeservice@example.com", 3, 30, Duration.ofMinutes(15), "", "acknowledgement.outbox",
                Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    static AcknowledgementComposer composer() {
        try {
            return new AcknowledgementComposer(new AcknowledgementTexts(new ClassPathResource("acknowledgement/")),
                    new IdentityMasker(new IdentityNumberDetector()), MAILBOX, settings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bounceIsNeverAcknowledged() {
        Inquiry bounce = inquiry("mailer-daemon@example.org", null, "Returned mail", Topic.AUTOMATED, "empty Return-Path", "en");
        assertThat(policy.decide(bounce).send()).isFalse();
    }

    @Test
    void mailFromOurOwnAddressIsNeverAcknowledged() {
        assertThat(policy.decide(inquiry(MAILBOX, null, "Hej", Topic.OTHER, "", "da")).send()).isFalse();
    }

    @Test
    void colleagueAtOurOwnDomainIsAcknowledgedLikeAnyoneElse() {
        assertThat(policy.decide(inquiry("colleague@example.com", null, "Hej", Topic.OTHER, "", "da")).send()).isTrue();
    }

    @Test
    void replyGoesToReplyToWhenValidElseFrom() {
        assertThat(policy.decide(inquiry("a@example.dk", "b@example.dk", "Hej", Topic.OTHER, "", "da")).recipient()).isEqualTo("b@example.dk");
        assertThat(policy.decide(inquiry("a@example.dk", "not an address", "Hej", Topic.OTHER, "", "da")).recipient()).isEqualTo("a@example.dk");
    }

    @Test
    void acknowledgementIsInTheCustomersLanguageWithCaseReferenceAndNoneOfTheirIdentityNumbers() throws Exception {
        Inquiry inquiry = inquiry("kirsten@example.dk", null, "Mit CPR 010180-4321\r\nBcc: victim@example.org", Topic.PRIVACY, "", "da");
        MimeMessage ack = composer.compose(inquiry, policy.decide(inquiry));
        assertThat(ack.getSubject()).isEqualTo("[DPO-2024-000042] Vi har modtaget din henvendelse: Mit CPR 010180-**** Bcc: victim@example.org");
        assertThat(ack.getHeader("Bcc")).isNull();
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<original@example.dk>");
        assertThat(ack.getMessageID()).startsWith("<DPO-2024-000042.").endsWith("@example.com>");
        String body = (String) ack.getContent();
        assertThat(body).contains("DPO-2024-000042").contains("1. april 2024").doesNotContain("4321");
    }

    @Test
    void unknownLanguageGetsEnglish() throws Exception {
        Inquiry inquiry = inquiry("jan@example.nl", null, "Vraag", Topic.OTHER, "", "nl");
        assertThat(composer.compose(inquiry, policy.decide(inquiry)).getSubject()).startsWith("[DPO-2024-000042] We have received your inquiry");
    }

    @Test
    void forgedSenderIsNeverAcknowledged() {
        Inquiry forged = inquiry("ceo@bank.example", null, "Hej", Topic.OTHER, "", "da",
                Map.of("authentication-results", List.of("mx.example.com; spf=fail; dkim=none; dmarc=fail (p=reject) header.from=bank.example")));
        AcknowledgementDecision decision = policy.decide(forged);
        assertThat(decision.send()).isFalse();
        assertThat(decision.reason()).contains("dmarc=fail");
        assertThat(policy.record(forged, decision).requireMail().notes()).anySatisfy(note -> assertThat(note).contains("dmarc=fail"));
    }

    @Test
    void onlyOurOwnServersVerdictCounts() {
        AcknowledgementPolicy trusting = new AcknowledgementPolicy(true, MAILBOX, "mx.example.com");
        Map<String, List<String>> headers = Map.of("authentication-results", List.of(
                "mx.example.com; spf=pass; dkim=pass; dmarc=pass header.from=example.dk",
                "evil.example; dmarc=fail"));
        assertThat(trusting.decide(inquiry("a@example.dk", null, "Hej", Topic.OTHER, "", "da", headers)).send()).isTrue();
        Map<String, List<String>> failing = Map.of("authentication-results", List.of("mx.example.com; dmarc=fail header.from=example.dk"));
        assertThat(trusting.decide(inquiry("a@example.dk", null, "Hej", Topic.OTHER, "", "da", failing)).send()).isFalse();
    }

    @Test
    void followUpIsNotAcknowledgedAgain() {
        Inquiry followUp = inquiry("kirsten@example.dk", null, "Re: [DPO-2024-000042] Vi har modtaget", Topic.PRIVACY, "", "da", Map.of())
                .withCaseFile(new CaseFile("mid:second@example.dk", "DPO-2024-000042", Instant.parse("2024-03-02T10:00:00Z"), Set.of(),
                        "kirsten@example.dk", "mid:original@example.dk", null));
        assertThat(policy.decide(followUp).send()).isFalse();
        assertThat(policy.decide(followUp).reason()).contains("follow-up in case DPO-2024-000042");
    }

    @Test
    void emptyOrInvalidSenderIsNotAnswered() {
        assertThat(policy.decide(inquiry(null, null, "Hej", Topic.OTHER, "", "da")).send()).isFalse();
        assertThat(policy.decide(inquiry("not an address", null, "Hej", Topic.OTHER, "", "da")).send()).isFalse();
        assertThat(policy.decide(inquiry("a@example.dk\r\nBcc: b@example.dk", null, "Hej", Topic.OTHER, "", "da")).send()).isFalse();
    }

    @Test
    void everyLanguageAndTopicRendersWithoutPlaceholdersOrTheCustomersText() throws Exception {
        for (String language : List.of("da", "sv", "no", "fi", "en", "de")) {
            for (Topic topic : List.of(Topic.PRIVACY, Topic.BILLING, Topic.OTHER)) {
                Inquiry inquiry = inquiry("kirsten@example.dk", null, "Emne", topic, "", language);
                String body = (String) composer.compose(inquiry, policy.decide(inquiry)).getContent();
                assertThat(body).as(language + " " + topic).contains("DPO-2024-000042", "Nordic Leasing").doesNotContain("{", "tekst");
                if (topic == Topic.PRIVACY) {
                    assertThat(body).as("due date, " + language).containsPattern("2024");
                }
                if (topic == Topic.OTHER) {
                    assertThat(body).contains("kundeservice@example.com");
                }
            }
        }
    }

    @Test
    void templatesWithAnUnknownPlaceholderAreRefusedAtStart(@TempDir Path dir) throws Exception {
        for (String language : AcknowledgementTexts.LANGUAGES) {
            Files.copy(getClass().getResourceAsStream("/acknowledgement/" + language + ".properties"), dir.resolve(language + ".properties"));
        }
        Files.writeString(dir.resolve("sv.properties"), Files.readString(dir.resolve("sv.properties")) + "\nother=Hej {customerName}\n");
        assertThatThrownBy(() -> new AcknowledgementTexts(new FileSystemResource(dir.toString() + "/")))
                .hasMessageContaining("sv.properties").hasMessageContaining("{customerName}");
    }

    private static Inquiry inquiry(String from, String replyTo, String subject, Topic topic, String automatedReason, String language) {
        return inquiry(from, replyTo, subject, topic, automatedReason, language, Map.of());
    }

    private static Inquiry inquiry(String from, String replyTo, String subject, Topic topic, String automatedReason, String language,
            Map<String, List<String>> headers) {
        ParsedMail mail = new ParsedMail("<original@example.dk>", from, null, replyTo, subject, null, "text/plain", headers, "tekst",
                List.of());
        return new Inquiry(new ArchivedMail("0".repeat(64), new byte[0]),
                new CaseFile("mid:original@example.dk", "DPO-2024-000042", Instant.parse("2024-03-01T10:00:00Z"), Set.of()), mail,
                new Classification(topic, 0.9, language, 0.9, automatedReason, List.of()));
    }
}
