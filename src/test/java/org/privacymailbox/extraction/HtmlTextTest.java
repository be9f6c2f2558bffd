package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.privacymailbox.BuiltText;

/** What a reader of an HTML mail sees, read tag by tag: hidden text stays out, and no more than a browser hides. */
class HtmlTextTest {

    @Test
    void hiddenElementsScriptsStylesAndCommentsAreNotText() {
        assertThat(HtmlText.toText("<html><head><title>titel</title><style>p{}</style></head><body>"
                + "<div style=\"display:none\">preheader<p>også skjult</p></div><span style='font-size:0px'>skjult</span>"
                + "<div hidden>skjult</div><div style=\"DISPLAY: NONE\">skjult</div><span style=\"display&#58;none\">skjult</span>"
                + "<script>var a = \"</b>\"; var b = '</scriptx>';</script ><noscript>skjult</noscript><object>skjult<p>skjult</p></object>"
                + "<textarea><p>skjult</p></textarea><template><p>skjult</p></template><iframe><p>skjult</p></iframe>"
                + "<!-- <p>skjult</p> -->synlig<span style=\"font-size:10px\"> tekst</span></body></html>"))
                .isEqualTo("synlig tekst");
    }

    @Test
    void theFirstStyleAttributeCountsQuotedOrNot() {
        assertThat(HtmlText.toText("<span style=display:none style=\"color:red\">skjult</span>synlig")).isEqualTo("synlig");
        assertThat(HtmlText.toText("<span style=\"color:red\" style=\"display:none\">synlig</span>")).isEqualTo("synlig");
        assertThat(HtmlText.toText("<span title='a > b' style = 'display:none'>skjult</span>synlig")).isEqualTo("synlig");
        assertThat(HtmlText.toText("<span style>synlig</span>")).isEqualTo("synlig");
        assertThat(HtmlText.toText("synlig<span style=\"display:none")).isEqualTo("synlig");
    }

    @Test
    void anElementThatHidesTextEndsWhereHtmlEndsItUnclosed() {
        assertThat(HtmlText.toText("<p style=\"display:none\">skjult<div>synlig i blok</div>")).isEqualTo("synlig i blok");
        assertThat(HtmlText.toText("<table><tr><td style=\"display:none\">skjult<td>synlig celle</table>")).isEqualTo("synlig celle");
        assertThat(HtmlText.toText("<table><tr><td><span style=\"display:none\">skjult</td><td>synlig</td></tr></table>")).isEqualTo("synlig");
        assertThat(HtmlText.toText("<ul><li hidden>skjult<li>synligt punkt</ul>")).isEqualTo("synligt punkt");
        assertThat(HtmlText.toText("<select><option>valg<select>synlig efter")).isEqualTo("synlig efter");
        assertThat(HtmlText.toText("<svg><text>tegning</text><p>synlig afsnit</p>")).isEqualTo("synlig afsnit");
        assertThat(HtmlText.toText("<html><head><title>titel</title><p>synlig uden body")).isEqualTo("synlig uden body");
    }

    @Test
    void anEndTagDoesNotReachPastABlockOrCellToShowHiddenText() {
        assertThat(HtmlText.toText("<span style=\"display:none\">skjult<div>også skjult</span>stadig skjult</div></span>synlig"))
                .isEqualTo("synlig");
        assertThat(HtmlText.toText("<div style=\"display:none\"><table><tr><td>skjult</div>skjult</td></tr></table>skjult</div>synlig"))
                .isEqualTo("synlig");
    }

    @Test
    void aFormattingEndTagLeavesTheBlocksOpenedInItShownAsHtmlDoes() {
        // HTML moves the block out of the bold element and what was written in it before the end tag into a copy
        assertThat(HtmlText.toText("<b style=\"display:none\">skjult<div>også skjult</b>synlig i blokken</div>synlig"))
                .isEqualTo("synlig i blokken\nsynlig");
    }

    @Test
    void blocksBreakLinesAndQuotedRepliesAreMarkedAsQuotes() {
        assertThat(HtmlText.toText("<p>et</p><p>to<br>tre</p>fire<hr>fem<h1>seks<h2>syv</h2>otte<dl><dt>ni<dd>ti</dl>"))
                .isEqualTo("et\nto\ntre\nfire\nfem\nseks\nsyv\notte\nni\nti");
        assertThat(HtmlText.toText("<p>Tak!</p><blockquote>citat<blockquote>dybere</blockquote></blockquote>svar"))
                .isEqualTo("Tak!\n> citat\n> > dybere\nsvar");
    }

    @Test
    void textKeepsItsCharactersAndLineBreaksInTheSourceAreSpaces() {
        assertThat(HtmlText.toText("Gr&oslash;d &amp; &#248;l&nbsp;og &amp smør, 3 < 4 og 5 > 2<p>\n  linje\n  to\n</p>"))
                .isEqualTo("Grød & øl og & smør, 3 < 4 og 5 > 2\nlinje to");
        assertThat(HtmlText.toText("<a title=\"x>y\">synlig</a> og <a href='z'>link</a>")).isEqualTo("synlig og link");
    }

    @Test
    void aTagCutOffByTheEndOfTheMailIsDropped() {
        assertThat(HtmlText.toText("tekst<a href=\"x")).isEqualTo("tekst");
        assertThat(HtmlText.toText("tekst<!-- aldrig afsluttet <p>skjult")).isEqualTo("tekst");
        assertThat(HtmlText.toText("tekst<")).isEqualTo("tekst<");
        assertThat(HtmlText.toText("</b></div></td></p>tekst</span></html>")).isEqualTo("tekst");
    }

    @Test
    void deeplyNestedUnclosedMarkupIsReadToItsEnd() {
        // a hostile mail: every tag would be a walk down 100,000 open elements, every line 100,000 quote marks
        String html = "<span>".repeat(100_000) + "<blockquote>".repeat(100_000) + "<p>dybt</p>".repeat(1_000)
                + "<svg>" + "<g>".repeat(10_000) + "<p>ude af tegningen";
        String text = HtmlText.toText(html);
        assertThat(text).startsWith("> ".repeat(HtmlText.MAX_QUOTE_MARKS) + "dybt\n").endsWith("ude af tegningen");
        assertThat(text.lines().filter(line -> line.endsWith("dybt"))).hasSize(1_000);
    }

    /** Markup cut and mixed at random, as hostile or broken mail has it: read to its end, never an exception. */
    @Test
    void markupMixedAtRandomIsReadWithoutFailing() {
        List<String> pieces = List.of("<", ">", "</", "/>", "<!--", "-->", "<!", "<?", "=", "\"", "'", "&", ";", "&amp;", "&#",
                " ", "\n", "tekst", "p", "b", "div", "td", "tr", "table", "li", "svg", "math", "head", "body", "script",
                "select", "blockquote", "style", " style=\"display:none\"", " hidden", "</b>", "</div>", "</td>", "</p>",
                "<br>", "<p>", "<b>", "<div>", "<td>", "<tr>", "<li>", "<svg>", "<head>", "<script>", "</script>");
        Random random = new Random(20261203L);
        for (int html = 0; html < 20_000; html++) {
            String input = BuiltText.of(random, pieces, 1, 40);
            assertThat(HtmlText.toText(input)).as(input).doesNotContain("\r").doesNotContain("\t");
        }
    }
}
