package org.privacymailbox.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a reader of an HTML mail sees. Scripts, styles and hidden elements are dropped: marketing mail hides
 * "preheader" text, and hostile mail hides words meant to mislead the classifier or a search.
 */
final class HtmlText {

    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "head", "title",
            "meta", "link", "object", "embed", "iframe", "svg", "button", "select", "input", "textarea");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "blockquote", "pre", "hr", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer",
            "address", "center", "form", "fieldset");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden|mso-hide\\s*:\\s*all|font-size\\s*:\\s*0(?:px|pt|em|%)?\\s*(?:;|$|!)"
                    + "|max-height\\s*:\\s*0(?:px)?\\s*(?:;|$|!)|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|$|!)");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        for (Element element : document.getAllElements()) {
            if (element.parent() != null && isHidden(element)) {
                element.remove();
            }
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            // quoted replies are <blockquote> in HTML; marked with "> " they are recognised as history, as in plain text
            private int quoteDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String words = textNode.text();
                    if (quoteDepth > 0 && !words.isBlank() && (text.isEmpty() || text.charAt(text.length() - 1) == '\n')) {
                        text.append("> ".repeat(quoteDepth));
                    }
                    text.append(words);
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(text);
                    if (element.normalName().equals("blockquote")) {
                        quoteDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(text);
                    if (element.normalName().equals("blockquote")) {
                        quoteDepth--;
                    }
                }
            }
        }, document.body() == null ? document : document.body());
        return tidy(text);
    }

    /**
     * Spaces collapsed, lines of bare quote marks emptied, spaces around line breaks dropped, at most one empty line in
     * a row. By hand, not four regular expressions over the text: they were a quarter of reading an HTML mail.
     */
    static String tidy(CharSequence text) {
        return joinLines(withoutBareQuoteLines(collapseSpaces(text))).strip();
    }

    private static StringBuilder collapseSpaces(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean inSpaces = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\u00a0';
            if (!space) {
                collapsed.append(c);
            } else if (!inSpaces) {
                collapsed.append(' ');
            }
            inSpaces = space;
        }
        return collapsed;
    }

    /** A line that holds only "> " marks (a quoted empty line) becomes empty; any of Java's line ends ends a line. */
    private static StringBuilder withoutBareQuoteLines(StringBuilder text) {
        StringBuilder kept = new StringBuilder(text.length());
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isLineEnd(text.charAt(i))) {
                if (!isQuoteMarks(text, lineStart, i)) {
                    kept.append(text, lineStart, i);
                }
                if (i < text.length()) {
                    kept.append(text.charAt(i));
                }
                lineStart = i + 1;
            }
        }
        return kept;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isQuoteMarks(CharSequence text, int start, int end) {
        if (end == start || (end - start) % 2 != 0) {
            return false;
        }
        for (int i = start; i < end; i += 2) {
            if (text.charAt(i) != '>' || text.charAt(i + 1) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Spaces next to a line break dropped, and no more than two line breaks in a row. */
    private static String joinLines(StringBuilder text) {
        StringBuilder joined = new StringBuilder(text.length());
        boolean afterBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                while (!joined.isEmpty() && joined.charAt(joined.length() - 1) == ' ') {
                    joined.setLength(joined.length() - 1);
                }
                int length = joined.length();
                if (length < 2 || joined.charAt(length - 1) != '\n' || joined.charAt(length - 2) != '\n') {
                    joined.append('\n');
                }
                afterBreak = true;
            } else if (c != ' ' || !afterBreak) {
                joined.append(c);
                afterBreak = false;
            }
        }
        return joined.toString();
    }

    private static boolean isHidden(Element element) {
        if (INVISIBLE.contains(element.normalName()) || element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
    }

    private static void newline(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
