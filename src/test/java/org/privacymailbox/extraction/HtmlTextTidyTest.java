package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.privacymailbox.BuiltText;

/**
 * The text of an HTML mail is tidied by hand in one pass per rule; these tests hold it to the regular expressions it
 * replaced, on text built from the characters those rules are about.
 */
class HtmlTextTidyTest {

    private static final List<String> PIECES = List.of(
            "a", "Hej", "æ", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
            "> ", ">", "> > ", " >", "\f", "x>");

    @Test
    void tidiesBuiltTextAsTheRegularExpressionsDid() {
        Random random = new Random(20261201L);
        for (int text = 0; text < 20_000; text++) {
            String input = BuiltText.of(random, PIECES, 1, 30);
            assertThat(HtmlText.tidy(input)).as("%s", input.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(byRegularExpressions(input));
        }
    }

    @Test
    void quotedEmptyLinesGoAndRealQuotesStay() {
        String text = "Hej\u00a0 Anna ,\n> \n> > \n> Tak for svaret\n\n\n\n  Mvh\t\tPer  ";

        assertThat(HtmlText.tidy(text)).isEqualTo("Hej Anna ,\n\n> Tak for svaret\n\nMvh Per");
        assertThat(HtmlText.tidy(text)).isEqualTo(byRegularExpressions(text));
    }

    private static String byRegularExpressions(String text) {
        return text.replaceAll("[ \\t\\u00a0]+", " ").replaceAll("(?m)^(?:> )+$", "").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
