package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.privacymailbox.extraction.ParsedMail;

class AutomatedMailDetectorTest {

    private final AutomatedMailDetector detector = new AutomatedMailDetector("nordic.dataprivacy@example.com");

    private boolean automated(String from, String subject, Map<String, List<String>> headers) {
        return detector.reasonNotHuman(mail(from, subject, headers, "<1@example.dk>", "text/plain")).isPresent();
    }

    @Test
    void autoSubmittedNoIsAPerson() {
        assertThat(automated("a@example.dk", "Hej", Map.of("auto-submitted", List.of("no")))).isFalse();
    }

    @Test
    void autoSubmittedOtherThanNoIsAMachine() {
        assertThat(automated("a@example.dk", "Hej", Map.of("auto-submitted", List.of("auto-replied")))).isTrue();
        assertThat(automated("a@example.dk", "Hej", Map.of("auto-submitted", List.of("auto-generated")))).isTrue();
    }

    @Test
    void bulkListAndJunkPrecedenceIsAMachine() {
        for (String precedence : List.of("bulk", "list", "junk")) {
            assertThat(automated("a@example.dk", "x", Map.of("precedence", List.of(precedence)))).as(precedence).isTrue();
        }
    }

    @Test
    void listHeadersMarkListMail() {
        assertThat(automated("a@example.dk", "Nyhedsbrev", Map.of("list-id", List.of("<news.example.dk>")))).isTrue();
        assertThat(automated("a@example.dk", "Tilbud", Map.of("list-unsubscribe", List.of("<mailto:u@example.dk>")))).isTrue();
    }

    @Test
    void autoreplyHeadersMarkAutoReplies() {
        for (String header : List.of("x-autoreply", "x-autorespond", "x-auto-response-suppress")) {
            assertThat(automated("a@example.dk", "Re: Din henvendelse", Map.of(header, List.of("yes")))).as(header).isTrue();
        }
    }

    @Test
    void deliveryReportsAreMachines() {
        assertThat(detector.reasonNotHuman(mail("postmaster@example.dk", "x", Map.of(), "<1@example.dk>", "multipart/report"))).isPresent();
        assertThat(automated("a@example.dk", "x", Map.of("return-path", List.of("<>")))).as("empty Return-Path").isTrue();
    }

    @Test
    void machineSendersAreRecognised() {
        for (String sender : List.of("MAILER-DAEMON@example.org", "postmaster@example.org", "no-reply@bank.example",
                "noreply@shop.example", "do-not-reply@example.fi", "donotreply@example.se")) {
            assertThat(automated(sender, "x", Map.of())).as(sender).isTrue();
        }
        assertThat(automated("norah.reply@example.dk", "x", Map.of())).as("a person whose name starts like one").isFalse();
    }

    @Test
    void ourOwnAddressAndOurOwnMessageIdsAreUs() {
        assertThat(automated("nordic.dataprivacy@example.com", "x", Map.of())).isTrue();
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "x", Map.of(), "<DPO-2026-000001.ab12@example.com>", "text/plain")))
                .contains("Message-ID of our own domain");
        assertThat(detector.reasonNotHuman(mail("a@example.dk", "x", Map.of(), "<abc@mail.example.com.evil>", "text/plain"))).isEmpty();
    }

    @Test
    void outOfOfficeSubjectsInEveryLanguageAreRecognised() {
        for (String subject : List.of("Automatisk svar: Din henvendelse", "Fraværsbesked", "Autosvar: faktura", "Frånvaromeddelande",
                "Fraværende: personvern", "Automaattinen vastaus: lasku", "Poissa toimistolta", "Out of Office: invoice",
                "Automatic reply: your inquiry", "Abwesenheitsnotiz: Rechnung", "Automatische Antwort", "AW: Abwesenheitsnotiz",
                "Undeliverable: Sletning", "Unzustellbar: Auskunft")) {
            assertThat(automated("a@example.dk", subject, Map.of())).as(subject).isTrue();
        }
        assertThat(automated("a@example.dk", "Spørgsmål om min faktura", Map.of())).isFalse();
        assertThat(automated("a@example.dk", "Re: Din henvendelse", Map.of())).isFalse();
    }

    private static ParsedMail mail(String from, String subject, Map<String, List<String>> headers, String messageId, String type) {
        return new ParsedMail(messageId, from, null, null, subject, null, type, headers, "tekst", List.of());
    }
}
