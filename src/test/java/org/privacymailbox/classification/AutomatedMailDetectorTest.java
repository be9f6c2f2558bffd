package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.privacymailbox.extraction.ParsedMail;

class AutomatedMailDetectorTest {

    private final AutomatedMailDetector detector = new AutomatedMailDetector("nordic.dataprivacy@example.com");

    @Test
    void autoSubmittedNoIsAPerson() {
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "Hej", Map.of("auto-submitted", List.of("no"))))).isEmpty();
    }

    @Test
    void machineHeadersAndSendersAreRecognised() {
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "Hej", Map.of("auto-submitted", List.of("auto-replied"))))).isPresent();
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "Nyhedsbrev", Map.of("list-id", List.of("<news.example.dk>"))))).isPresent();
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "x", Map.of("precedence", List.of("bulk"))))).isPresent();
        assertThat(detector.reasonNotHuman(mail("MAILER-DAEMON@example.org", "x", Map.of()))).isPresent();
        assertThat(detector.reasonNotHuman(mail("no-reply@bank.example", "x", Map.of()))).isPresent();
        assertThat(detector.reasonNotHuman(mail("nordic.dataprivacy@example.com", "x", Map.of()))).as("our own mail").isPresent();
    }

    @Test
    void outOfOfficeSubjectsInEveryLanguageAreRecognised() {
        for (String subject : List.of("Automatisk svar: Din henvendelse", "Autosvar: faktura", "Frånvaro", "Automaattinen vastaus: lasku",
                "Out of Office: invoice", "Abwesenheitsnotiz: Rechnung", "Fraværende")) {
            assertThat(detector.reasonNotHuman(mail("a@example.dk", subject, Map.of()))).as(subject).isPresent();
        }
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "Spørgsmål om min faktura", Map.of()))).isEmpty();
    }

    private static ParsedMail mail(String from, String subject, Map<String, List<String>> headers) {
        return new ParsedMail("<1@example.dk>", from, null, null, subject, null, "text/plain", headers, "tekst", List.of());
    }
}
