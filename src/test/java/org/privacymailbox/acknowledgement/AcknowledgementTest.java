package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;

class AcknowledgementTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private final AcknowledgementPolicy policy = new AcknowledgementPolicy(true, MAILBOX);
    private final AcknowledgementComposer composer = new AcknowledgementComposer(new AcknowledgementTexts(),
            new IdentityMasker(new IdentityNumberDetector()), MAILBOX, new AcknowledgementSettings(true, "Data Protection", "Europe/Copenhagen"));

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

    private static Inquiry inquiry(String from, String replyTo, String subject, Topic topic, String automatedReason, String language) {
        ParsedMail mail = new ParsedMail("<original@example.dk>", from, null, replyTo, subject, null, "text/plain", Map.of(), "tekst",
                List.of());
        return new Inquiry(new ArchivedMail("0".repeat(64), new byte[0]),
                new CaseFile("mid:original@example.dk", "DPO-2024-000042", Instant.parse("2024-03-01T10:00:00Z"), Set.of()), mail,
                new Classification(topic, 0.9, language, 0.9, automatedReason, List.of()));
    }
}
