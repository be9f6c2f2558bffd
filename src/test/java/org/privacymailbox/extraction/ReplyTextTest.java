package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void quotedHistoryUnderAnAttributionIsNotTheCustomersNewText() {
        ReplyText.Parts parts = ReplyText.split("Jeg har stadig ikke fået svar.\n\nDen 3. mar. 2025 kl. 10.00 skrev Privacy <privacy@example.com>:\n"
                + "> Thank you for your message regarding personal data.\n> We will reply within 30 days.");
        assertThat(parts.own()).isEqualTo("Jeg har stadig ikke fået svar.");
        assertThat(parts.history()).contains("Thank you for your message");
    }

    @Test
    void outlookHeaderBlockStartsTheHistory() {
        ReplyText.Parts parts = ReplyText.split("Hej, se min tidligere mail nedenfor.\n\nFrån: Klara Holm <klara@example.se>\n"
                + "Skickat: den 2 mars 2025 09:14\nTill: privacy@example.com\nÄmne: Faktura\n\nJag vill ha en kopia av fakturan.");
        assertThat(parts.own()).isEqualTo("Hej, se min tidligere mail nedenfor.");
    }

    @Test
    void attributionWrappedOverTwoLinesIsRecognised() {
        ReplyText.Parts parts = ReplyText.split("Please answer.\n\nOn Mon, 3 Mar 2025 at 10:00, Privacy Team <privacy@example.com>\nwrote:\n> old text");
        assertThat(parts.own()).isEqualTo("Please answer.");
    }

    @Test
    void signaturesAndMobileFootersAreNotPartOfTheNewText() {
        assertThat(ReplyText.split("Slet min konto.\n\n-- \nKirsten Madsen\nTlf 12345678").own()).isEqualTo("Slet min konto.");
        assertThat(ReplyText.split("Poista tietoni.\n\nLähetetty iPhonesta").own()).isEqualTo("Poista tietoni.");
    }

    @Test
    void answersWrittenBetweenQuotedLinesAreKept() {
        ReplyText.Parts parts = ReplyText.split("> Which account?\nMy old account from 2019.\n> Your address?\nStorgatan 1, Malmö");
        assertThat(parts.own()).isEqualTo("My old account from 2019.\nStorgatan 1, Malmö");
    }

    @Test
    void aForwardWithoutWordsOfItsOwnKeepsTheForwardedText() {
        ReplyText.Parts parts = ReplyText.split("---------- Forwarded message ---------\nFrom: Shop <shop@example.dk>\nSubject: Faktura\n\nBeløb 499 kr");
        assertThat(parts.own()).contains("Beløb 499 kr");
    }

    @Test
    void mailWithoutHistoryIsAllNewText() {
        assertThat(ReplyText.split("Hvad gør I med mine data?\nMvh Ole").own()).isEqualTo("Hvad gør I med mine data?\nMvh Ole");
    }

    @Test
    void aSentenceEndingInAColonIsNotTakenForAnAttribution() {
        String text = "Jeg skrev til jer i går:\nSlet venligst mine data.\nTak.";
        assertThat(ReplyText.split(text).own()).isEqualTo(text);
    }

    @Test
    void quotedHtmlReplyIsRecognisedAsHistory() {
        String text = HtmlText.toText("<div>Hvornår får jeg svar?</div><div>Den 3. mar. 2025 skrev Privacy &lt;privacy@example.com&gt;:</div>"
                + "<blockquote><p>Thank you for your message.</p><p>Kind regards</p></blockquote>");
        assertThat(text).contains("> Thank you for your message.");
        assertThat(ReplyText.split(text).own()).isEqualTo("Hvornår får jeg svar?");
    }

    @Test
    void linesAreSplitAtEveryLineBreakAsTheMailWroteThem() {
        for (String body : List.of("", "\n", "\r\n", "a", "a\n", "a\r\nb", "a\rb\nc", "\n\na\r\r\n", "a\r", "\r\n\r\nb\n\r")) {
            assertThat(ReplyText.lines(body)).as("\"%s\"", body).containsExactly(body.split("\r?\n", -1));
        }
    }
}
