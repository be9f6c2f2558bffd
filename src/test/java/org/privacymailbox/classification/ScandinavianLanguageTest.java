package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.TikaTextExtractor;

/**
 * Danish against Norwegian (and both against Swedish) on short inquiries, the case character n-gram detection gets
 * wrong. The samples are written for this test, not taken from the dev corpus; the test prints the confusion matrix.
 */
class ScandinavianLanguageTest {

    private static final Map<String, List<String>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("da", List.of(
                "Jeg har fået en regning, som jeg ikke forstår. Kan I forklare den?",
                "Hvad sker der med mine oplysninger efter angrebet på jeres leverandør?",
                "Jeg vil gerne have slettet min konto og alle data om mig.",
                "Kan I bekræfte, at mit kundenummer ikke er blevet lækket?",
                "Hej, jeg har betalt to gange i marts. Hvornår får jeg pengene tilbage?",
                "Må jeg få indsigt i de personoplysninger, I har registreret om mig?",
                "Tak for svaret, men jeg mangler stadig en kopi af fakturaen.",
                "Min søn har modtaget en mail fra jer, selvom han aldrig har været kunde.",
                "Hvorfor skal jeg betale et gebyr, når fejlen var jeres?",
                "Venligst stop med at sende mig reklamer.",
                "Jeg kan ikke logge ind efter nedbruddet. Hvad skal jeg gøre nu?",
                "Er mine kortoplysninger sikre? Jeg er bekymret.",
                "Jeg ønsker at tilbagekalde mit samtykke til markedsføring.",
                "Beløbet på regningen passer ikke med det, vi aftalte.",
                "Hvem har haft adgang til mine data, og hvor længe gemmer I dem?"));
        SAMPLES.put("no", List.of(
                "Jeg har fått en regning som jeg ikke forstår. Kan dere forklare den?",
                "Hva skjer med opplysningene mine etter angrepet på leverandøren deres?",
                "Jeg vil gjerne ha slettet kontoen min og alle data om meg.",
                "Kan dere bekrefte at kundenummeret mitt ikke er lekket?",
                "Hei, jeg har betalt to ganger i mars. Når får jeg pengene tilbake?",
                "Kan jeg få innsyn i personopplysningene dere har registrert om meg?",
                "Takk for svaret, men jeg mangler fortsatt en kopi av fakturaen.",
                "Sønnen min har mottatt en e-post fra dere, selv om han aldri har vært kunde.",
                "Hvorfor må jeg betale et gebyr når feilen var deres?",
                "Vennligst slutt å sende meg reklame.",
                "Jeg kan ikke logge inn etter bruddet. Hva skal jeg gjøre nå?",
                "Er kortopplysningene mine trygge? Jeg er bekymret.",
                "Jeg ønsker å trekke tilbake samtykket mitt til markedsføring.",
                "Beløpet på regningen stemmer ikke med det vi avtalte.",
                "Hvem har hatt tilgang til dataene mine, og hvor lenge lagrer dere dem?"));
        SAMPLES.put("sv", List.of(
                "Jag har fått en räkning som jag inte förstår. Kan ni förklara den?",
                "Vad händer med mina uppgifter efter attacken mot er leverantör?",
                "Jag vill att ni raderar mitt konto och alla uppgifter om mig.",
                "Kan ni bekräfta att mitt kundnummer inte har läckt?",
                "Hej, jag har betalat två gånger i mars. När får jag tillbaka pengarna?",
                "Jag begär ett registerutdrag över de personuppgifter ni har om mig.",
                "Tack för svaret, men jag saknar fortfarande en kopia av fakturan.",
                "Varför ska jag betala en avgift när felet låg hos er?"));
    }

    @Test
    void danishNorwegianAndSwedishAreToldApart() {
        LanguageDetector detector = new LanguageDetector();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        int right = 0;
        int total = 0;
        for (Map.Entry<String, List<String>> language : SAMPLES.entrySet()) {
            for (String text : language.getValue()) {
                String detected = detector.detect(text).language();
                confusion.computeIfAbsent(language.getKey(), k -> new LinkedHashMap<>()).merge(detected, 1, Integer::sum);
                right += detected.equals(language.getKey()) ? 1 : 0;
                if (!detected.equals(language.getKey())) {
                    System.out.println("  " + language.getKey() + " read as " + detected + ": " + text);
                }
                total++;
            }
        }
        System.out.println("Scandinavian languages, written -> detected: " + confusion + "; " + right + "/" + total + " right");
        assertThat(confusion.get("da").getOrDefault("da", 0)).as("Danish samples read as Danish").isGreaterThanOrEqualTo(14);
        assertThat(confusion.get("no").getOrDefault("no", 0)).as("Norwegian samples read as Norwegian").isGreaterThanOrEqualTo(14);
        assertThat(confusion.get("sv").getOrDefault("sv", 0)).as("Swedish samples read as Swedish").isEqualTo(8);
    }

    @Test
    void theCustomersNewTextDecidesTheLanguageNotTheQuotedHistory() throws Exception {
        var mail = new MailParser(new TikaTextExtractor(10_000)).parse(
                ("From: a@example.no\r\nSubject: Re: Your request\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Jeg har fortsatt ikke fått svar på spørsmålet mitt.\r\n\r\nOn Mon, 3 Mar 2025, Privacy <privacy@example.com> wrote:\r\n"
                        + "> Thank you for contacting us about your personal data. We have received your request and\r\n"
                        + "> will answer it within thirty days, as the regulation requires. Kind regards, the privacy team.\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(new LanguageDetector().detect(mail.ownText()).language()).isEqualTo("no");
    }
}
