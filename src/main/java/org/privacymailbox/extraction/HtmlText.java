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
        return text.toString().replaceAll("[ \\t\\u00a0]+", " ").replaceAll("(?m)^(?:> )+$", "").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
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
