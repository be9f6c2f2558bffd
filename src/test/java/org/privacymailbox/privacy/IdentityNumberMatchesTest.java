package org.privacymailbox.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.privacymailbox.BuiltText;

/**
 * The detector tries its patterns only where a run of six digits begins; these tests hold that to what the same
 * patterns find when run over the whole text, on text built to have numbers at every awkward place.
 */
class IdentityNumberMatchesTest {

    private static final List<Pattern> PATTERNS = List.of(
            IdentityNumberDetector.HETU, IdentityNumberDetector.NO_FNR, IdentityNumberDetector.TEN_DIGITS);

    /** Pieces that numbers and their neighbours are made of: digits, separators, century signs, words. */
    private static final List<String> PIECES = List.of(
            "0", "1", "2", "3", "9", "01", "12", "80", "010180", "900101", "241275", "010203", "19900101",
            "4321", "1239", "30188", "456", "-", "+", " ", "A", "R", "x", "\n", "CPR ", "personnummer ",
            "fødselsnummer ", "henkilötunnus ", "nr.", "é", "Ø", "٣");

    @Test
    void findsWhatAWholeTextScanFindsOnBuiltText() {
        Random random = new Random(20261201L);
        for (int text = 0; text < 20_000; text++) {
            assertSameAsWholeTextScan(BuiltText.of(random, PIECES, 1, 24));
        }
    }

    @Test
    void findsNumbersAtTheEdgesAndNextToEachOther() {
        for (String text : List.of(
                "010180-4321", "x010180-4321", "010180-4321x", "1010180-4321", "010180-43211",
                "010180-4321-010180-4321", "010180-4321 010180-4321", "19900101-12390101804321",
                "24127530188", "241275 30188", "-24127530188", "010203A456R", "A010203A456R", "010203A456RB",
                "0101804321-010203A456R", "19900101-1239", "199001011239", "010180-432", "0101")) {
            assertSameAsWholeTextScan(text);
        }
    }

    @Test
    void findsTheNumbersInALetter() {
        String letter = "Hej, mit CPR-nummer er 010180-4321 og min datters er 0101804321. Faktura 40027788,"
                + " ordre 3201804321, telefon 12345678. Min svenske ven har 19900101-1239, min norske 24127530188"
                + " og min finske 010203A456R.";
        assertSameAsWholeTextScan(letter);
        assertThat(IdentityNumberDetector.matches(IdentityNumberDetector.TEN_DIGITS, letter)).hasSize(4);
    }

    private static void assertSameAsWholeTextScan(String text) {
        for (Pattern pattern : PATTERNS) {
            assertThat(spans(IdentityNumberDetector.matches(pattern, text)))
                    .as("%s in \"%s\"", pattern, text)
                    .isEqualTo(spans(pattern.matcher(text).results().toList()));
        }
    }

    private static List<String> spans(List<MatchResult> matches) {
        return matches.stream().map(m -> {
            StringBuilder span = new StringBuilder(m.start() + ":" + m.end());
            for (int group = 1; group <= m.groupCount(); group++) {
                span.append('|').append(m.group(group));
            }
            return span.toString();
        }).toList();
    }
}
