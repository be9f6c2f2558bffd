package org.privacymailbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The text a reader of an HTML mail sees. Scripts, styles and hidden elements are dropped: marketing mail hides
 * "preheader" text, and hostile mail hides words meant to mislead the classifier or a search.
 *
 * <p>Read in one pass, tag by tag, with the stack of open elements and the rules by which HTML closes them
 * unasked (a paragraph by a block, a cell by the next cell, a list item by the next item, foreign content by HTML
 * content), not by building the document's tree: jsoup's tree builder and its compilation were about 6 % of the CPU of
 * an import of the SpamAssassin corpus. Where HTML and this reading part, it keeps text that a browser would hide rather than
 * hide text that a browser shows: an element that hides text ends no later than in HTML, unless it lies more than
 * {@value #MAX_SEARCH_DEPTH} open elements deep (jsoup stopped at 100).
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
    /** Elements with no content and no end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame",
            "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");
    /** Elements whose content is text up to their end tag, not markup; all but xmp are never shown. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "iframe", "noembed",
            "noframes", "noscript", "xmp");
    /** Start tags that close an open paragraph. */
    private static final Set<String> CLOSE_PARAGRAPH = Set.of("address", "article", "aside", "blockquote", "center",
            "details", "dialog", "dir", "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol",
            "p", "plaintext", "pre", "search", "section", "summary", "table", "ul", "xmp");
    /** HTML's "special" elements: an end tag of another element does not reach past one. */
    private static final Set<String> SPECIAL = Set.of("address", "applet", "area", "article", "aside", "base",
            "basefont", "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
            "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
            "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
            "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
            "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
            "title", "tr", "track", "ul", "wbr", "xmp");
    /** Elements that bound a scope: an end tag outside one does not close what is inside. */
    private static final Set<String> SCOPE = Set.of("applet", "caption", "html", "table", "td", "th", "marquee",
            "object", "template", "svg", "math");
    private static final Set<String> TABLE_PARTS = Set.of("caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> CELLS_AND_ROWS = Set.of("td", "th", "tr");
    private static final Set<String> LIST_ITEMS = Set.of("li");
    private static final Set<String> DEFINITIONS = Set.of("dd", "dt");
    /** Elements that an end tag closes even across the blocks opened in them, which it leaves open outside them. */
    private static final Set<String> FORMATTING = Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
            "small", "strike", "strong", "tt", "u");
    /** What a head holds; anything else begins the body, even before the head's end tag. */
    private static final Set<String> HEAD_CONTENT = Set.of("base", "basefont", "bgsound", "link", "meta", "title",
            "noscript", "noframes", "style", "script", "template");
    /** HTML elements that end SVG or MathML content left open. */
    private static final Set<String> BREAKS_OUT_OF_FOREIGN = Set.of("b", "big", "blockquote", "body", "br", "center",
            "code", "dd", "div", "dl", "dt", "em", "embed", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
            "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
            "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /**
     * How far down the open elements a search for one to close looks. HTML's rules end most searches within a few
     * elements; a hostile mail's thousands of unclosed elements would otherwise make every tag a walk over all of them.
     */
    static final int MAX_SEARCH_DEPTH = 256;

    /** Quote marks at most before a line: a thread quoted deeper still reads as history, and hostile nesting stays small. */
    static final int MAX_QUOTE_MARKS = 32;

    private HtmlText() {
    }

    static String toText(String html) {
        Reading reading = new Reading(html);
        reading.read();
        return tidy(reading.text);
    }

    /** One document's reading: where it is, the open elements, and the text so far. */
    private static final class Reading {

        private final String html;
        private final StringBuilder text = new StringBuilder();
        private final List<Open> open = new ArrayList<>();
        /** Index in {@link #open} of the outermost hidden element; everything from it up is not shown. */
        private int hiddenFrom = Integer.MAX_VALUE;
        /** Open head and body elements: most mail has none open when it matters, and need not look. */
        private int openHeads;
        private int openBodies;
        /** Quoted replies are blockquote in HTML; marked with "> " they are recognised as history, as in plain text. */
        private int quoteDepth;
        private int position;

        Reading(String html) {
            this.html = html;
        }

        void read() {
            int length = html.length();
            int textStart = 0;
            while (position < length) {
                int lt = html.indexOf('<', position);
                if (lt < 0 || lt + 1 >= length) {
                    break;
                }
                char next = html.charAt(lt + 1);
                if (isAsciiLetter(next) || next == '/' || next == '!' || next == '?') {
                    appendText(textStart, lt);
                    position = lt + 1;
                    markup();
                    textStart = position;
                } else {
                    // a "<" that opens no tag ("a < b") is text
                    position = lt + 1;
                }
            }
            appendText(textStart, length);
            position = length;
        }

        /** At the character after a "<" that begins markup. */
        private void markup() {
            char first = html.charAt(position);
            if (first == '!') {
                if (html.startsWith("!--", position)) {
                    comment();
                } else {
                    skipPast('>');
                }
            } else if (first == '?') {
                skipPast('>');
            } else if (first == '/') {
                position++;
                if (position < html.length() && isAsciiLetter(html.charAt(position))) {
                    Tag tag = tag();
                    if (tag != null) {
                        endTag(tag.name);
                    }
                } else {
                    // "</>" is nothing, "</ x>" a comment
                    skipPast('>');
                }
            } else {
                Tag tag = tag();
                if (tag != null) {
                    startTag(tag);
                }
            }
        }

        private void comment() {
            int contentStart = position + 3;
            // "<!-->" and "<!--->" are empty comments
            if (html.startsWith(">", contentStart)) {
                position = contentStart + 1;
                return;
            }
            if (html.startsWith("->", contentStart)) {
                position = contentStart + 2;
                return;
            }
            int end = contentStart;
            while (true) {
                int dashes = html.indexOf("--", end);
                if (dashes < 0) {
                    position = html.length();
                    return;
                }
                if (html.startsWith("-->", dashes)) {
                    position = dashes + 3;
                    return;
                }
                if (html.startsWith("--!>", dashes)) {
                    position = dashes + 4;
                    return;
                }
                end = dashes + 1;
            }
        }

        private void skipPast(char c) {
            int at = html.indexOf(c, position);
            position = at < 0 ? html.length() : at + 1;
        }

        private record Tag(String name, String style, boolean hiddenAttribute, boolean selfClosing) {
        }

        /**
         * An open element; {@code quotes} when it counts in {@link #quoteDepth}, {@code foreignInside} when what it
         * holds is SVG or MathML, not HTML.
         */
        private record Open(String name, boolean hides, boolean quotes, boolean foreignInside) {
        }

        /** The tag whose name begins here, or null when the document ends inside it (HTML drops such a tag). */
        private Tag tag() {
            int length = html.length();
            int nameStart = position;
            while (position < length && !isTagNameEnd(html.charAt(position))) {
                position++;
            }
            String name = html.substring(nameStart, position).toLowerCase(Locale.ROOT);
            String style = null;
            boolean hidden = false;
            boolean selfClosing = false;
            while (position < length) {
                char c = html.charAt(position);
                if (c == '>') {
                    position++;
                    return new Tag(name, style, hidden, selfClosing);
                }
                if (c == '/') {
                    selfClosing = true;
                    position++;
                    continue;
                }
                if (isSpace(c)) {
                    position++;
                    continue;
                }
                selfClosing = false;
                int attributeStart = position;
                position++;
                while (position < length && !isSpace(html.charAt(position)) && "/>=".indexOf(html.charAt(position)) < 0) {
                    position++;
                }
                // only two attributes matter: the others' names and values are passed over, not copied; of two
                // style attributes the first counts, as in HTML
                boolean firstStyle = style == null && isNamed(attributeStart, position, "style");
                hidden |= isNamed(attributeStart, position, "hidden");
                while (position < length && isSpace(html.charAt(position))) {
                    position++;
                }
                String value = "";
                if (position < length && html.charAt(position) == '=') {
                    position++;
                    while (position < length && isSpace(html.charAt(position))) {
                        position++;
                    }
                    int valueStart = position < length && isQuote(html.charAt(position)) ? position + 1 : position;
                    int valueEnd = skipAttributeValue();
                    if (valueEnd < 0) {
                        return null;
                    }
                    if (firstStyle) {
                        value = html.substring(valueStart, valueEnd);
                    }
                }
                if (firstStyle) {
                    style = value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
                }
            }
            return null;
        }

        private boolean isNamed(int start, int end, String name) {
            return end - start == name.length() && html.regionMatches(true, start, name, 0, name.length());
        }

        private static boolean isQuote(char c) {
            return c == '"' || c == '\'';
        }

        /**
         * Passes over an attribute's value and returns where it ends (before its closing quote, if quoted); -1 when the
         * document ends inside its quotes.
         */
        private int skipAttributeValue() {
            int length = html.length();
            if (position < length && isQuote(html.charAt(position))) {
                int end = html.indexOf(html.charAt(position), position + 1);
                position = end < 0 ? length : end + 1;
                return end;
            }
            while (position < length && !isSpace(html.charAt(position)) && html.charAt(position) != '>') {
                position++;
            }
            return position;
        }

        private void startTag(Tag tag) {
            String name = tag.name;
            if (inForeignContent()) {
                if (BREAKS_OUT_OF_FOREIGN.contains(name)) {
                    closeForeignContent();
                } else {
                    push(tag);
                    if (tag.selfClosing) {
                        pop();
                    }
                    return;
                }
            }
            int head = openHeads == 0 ? -1 : lastOpen("head");
            if (head >= 0 && !HEAD_CONTENT.contains(name)) {
                popTo(head);
            }
            if (!closedBy(name) || name.equals("html") || name.equals("body") && openBodies > 0) {
                return;
            }
            if (VOID.contains(name)) {
                if (isShown() && !isHidden(tag) && BLOCKS.contains(name)) {
                    newline();
                }
                return;
            }
            push(tag);
            if (name.equals("plaintext")) {
                appendText(position, html.length());
                position = html.length();
            } else if (RAW_TEXT.contains(name)) {
                int end = rawTextEnd(name);
                if (name.equals("xmp") && isShown()) {
                    appendRawText(position, end);
                }
                position = end;
            }
        }

        /**
         * Closes what HTML closes when this start tag comes, before it opens its own element; false when the tag opens
         * nothing (a select in a select only closes the first).
         */
        private boolean closedBy(String name) {
            if (CLOSE_PARAGRAPH.contains(name)) {
                int paragraph = inScope("p", "button");
                if (paragraph >= 0) {
                    popTo(paragraph);
                }
            }
            switch (name) {
                case "li" -> closeItem(LIST_ITEMS);
                case "dd", "dt" -> closeItem(DEFINITIONS);
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    if (!open.isEmpty() && isHeading(open.get(open.size() - 1).name())) {
                        pop();
                    }
                }
                case "td", "th" -> closeInTable(CELLS);
                case "tr" -> closeInTable(CELLS_AND_ROWS);
                case "tbody", "thead", "tfoot", "caption", "colgroup" -> closeInTable(TABLE_PARTS);
                case "table" -> {
                    // a table in a cell is nested; one directly in a table closes the first
                    int table = inScope("table", null);
                    if (table >= 0) {
                        popTo(table);
                    }
                }
                case "option" -> closeTop("option");
                case "optgroup" -> {
                    closeTop("option");
                    closeTop("optgroup");
                }
                case "button", "a", "nobr" -> {
                    int same = inScope(name, null);
                    if (same >= 0) {
                        popTo(same);
                    }
                }
                case "select", "input", "keygen", "textarea" -> {
                    int select = inScope("select", null);
                    if (select >= 0) {
                        popTo(select);
                        return !name.equals("select");
                    }
                }
                default -> {
                }
            }
            return true;
        }

        /** Where a table's scope ends: its parts inside are not closed from outside it. */
        private static boolean isTableBoundary(String name) {
            return name.equals("table") || name.equals("template") || name.equals("html");
        }

        private static boolean isHeading(String name) {
            return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
        }

        /** A list item (or definition) closes the open one it follows, unless a block other than div stands between. */
        private void closeItem(Set<String> items) {
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                String element = open.get(i).name();
                if (items.contains(element)) {
                    popTo(i);
                    return;
                }
                if (SPECIAL.contains(element) && !element.equals("address") && !element.equals("div") && !element.equals("p")) {
                    return;
                }
            }
        }

        /** Closes the innermost of these table parts inside the current table. */
        private void closeInTable(Set<String> parts) {
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                String element = open.get(i).name();
                if (isTableBoundary(element)) {
                    return;
                }
                if (parts.contains(element)) {
                    // the outermost such part below the table: a new row closes the cell and the row it is in
                    int outermost = i;
                    for (int j = i - 1; j >= lowestSearched() && !open.get(j).name().equals("table"); j--) {
                        if (parts.contains(open.get(j).name())) {
                            outermost = j;
                        }
                    }
                    popTo(outermost);
                    return;
                }
            }
        }

        private void closeTop(String name) {
            if (!open.isEmpty() && open.get(open.size() - 1).name().equals(name)) {
                pop();
            }
        }

        private void endTag(String name) {
            switch (name) {
                case "html", "body" -> {
                    // text after them is still the body's
                    return;
                }
                case "br" -> {
                    if (isShown()) {
                        newline();
                    }
                    return;
                }
                case "p" -> {
                    if (inScope("p", "button") < 0 && isShown()) {
                        // "</p>" alone is an empty paragraph
                        newline();
                        return;
                    }
                }
                default -> {
                }
            }
            if (FORMATTING.contains(name)) {
                // HTML moves the blocks opened inside it out of it: what follows in them is no longer in it
                int element = inScope(name, null);
                if (element >= 0 && element == open.size() - 1) {
                    pop();
                } else if (element >= 0) {
                    remove(element);
                }
                return;
            }
            if (SPECIAL.contains(name)) {
                int element = TABLE_PARTS.contains(name) || name.equals("table") ? inTableScope(name) : inScope(name, null);
                if (element >= 0) {
                    popTo(element);
                }
                return;
            }
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                String element = open.get(i).name();
                if (element.equals(name)) {
                    popTo(i);
                    return;
                }
                if (SPECIAL.contains(element) || SCOPE.contains(element)) {
                    return;
                }
            }
        }

        /** Index of the innermost open element of this name that scope reaches, or -1. */
        private int inScope(String name, String alsoBounding) {
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                String element = open.get(i).name();
                if (element.equals(name)) {
                    return i;
                }
                if (SCOPE.contains(element) || element.equals(alsoBounding)) {
                    return -1;
                }
            }
            return -1;
        }

        private int inTableScope(String name) {
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                String element = open.get(i).name();
                if (element.equals(name)) {
                    return i;
                }
                if (isTableBoundary(element)) {
                    return -1;
                }
            }
            return -1;
        }

        private int lowestSearched() {
            return Math.max(0, open.size() - MAX_SEARCH_DEPTH);
        }

        private boolean inForeignContent() {
            return !open.isEmpty() && open.get(open.size() - 1).foreignInside();
        }

        private void closeForeignContent() {
            while (inForeignContent()) {
                pop();
            }
        }

        private void push(Tag tag) {
            int index = open.size();
            // an element inside a hidden one still counts as hidden itself: it may outlast the other (see FORMATTING)
            boolean hides = isHidden(tag);
            boolean quotes = false;
            if (index < hiddenFrom) {
                if (hides) {
                    hiddenFrom = index;
                } else if (BLOCKS.contains(tag.name)) {
                    newline();
                    quotes = tag.name.equals("blockquote");
                    if (quotes) {
                        quoteDepth++;
                    }
                }
            }
            boolean foreignInside = tag.name.equals("svg") || tag.name.equals("math")
                    || inForeignContent() && !tag.name.equals("foreignobject");
            open.add(new Open(tag.name, hides, quotes, foreignInside));
            count(tag.name, 1);
        }

        private void count(String name, int change) {
            switch (name) {
                case "head" -> openHeads += change;
                case "body" -> openBodies += change;
                default -> {
                }
            }
        }

        private int lastOpen(String name) {
            for (int i = open.size() - 1; i >= lowestSearched(); i--) {
                if (open.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Closes the element at this index and every element opened after it. */
        private void popTo(int index) {
            while (open.size() > index) {
                pop();
            }
        }

        private void pop() {
            int index = open.size() - 1;
            Open element = open.remove(index);
            count(element.name(), -1);
            if (index == hiddenFrom) {
                hiddenFrom = Integer.MAX_VALUE;
            } else if (index < hiddenFrom && BLOCKS.contains(element.name())) {
                newline();
            }
            if (element.quotes()) {
                quoteDepth--;
            }
        }

        /** Closes one element below the current one, whose elements stay open; they may no longer be hidden. */
        private void remove(int index) {
            Open element = open.remove(index);
            count(element.name(), -1);
            if (element.quotes()) {
                quoteDepth--;
            }
            if (hiddenFrom < index) {
                return;
            }
            hiddenFrom = Integer.MAX_VALUE;
            for (int i = index; i < open.size(); i++) {
                if (open.get(i).hides()) {
                    hiddenFrom = i;
                    break;
                }
            }
        }

        private boolean isShown() {
            return open.size() <= hiddenFrom;
        }

        /** Where the raw text of this element ends: at its end tag, or at the end of the document. */
        private int rawTextEnd(String name) {
            int from = position;
            while (true) {
                int lt = html.indexOf("</", from);
                if (lt < 0) {
                    return html.length();
                }
                int after = lt + 2 + name.length();
                if (html.regionMatches(true, lt + 2, name, 0, name.length())
                        && (after >= html.length() || isTagNameEnd(html.charAt(after)))) {
                    return lt;
                }
                from = lt + 2;
            }
        }

        private void appendText(int start, int end) {
            if (start >= end) {
                return;
            }
            int head = openHeads == 0 ? -1 : lastOpen("head");
            if (head >= 0) {
                if (isBlank(start, end)) {
                    return;
                }
                // words in a head begin the body
                popTo(head);
            }
            if (isShown()) {
                appendRawText(start, end);
            }
        }

        private void appendRawText(int start, int end) {
            String words = html.substring(start, end);
            if (words.indexOf('&') >= 0) {
                words = Parser.unescapeEntities(words, false);
            }
            if (quoteDepth > 0 && !words.isBlank() && (text.isEmpty() || text.charAt(text.length() - 1) == '\n')) {
                text.append("> ".repeat(Math.min(quoteDepth, MAX_QUOTE_MARKS)));
            }
            for (int i = 0; i < words.length(); i++) {
                char c = words.charAt(i);
                // HTML shows line breaks in text as spaces
                text.append(c == '\n' || c == '\r' || c == '\t' || c == '\f' ? ' ' : c);
            }
        }

        private boolean isBlank(int start, int end) {
            for (int i = start; i < end; i++) {
                if (!isSpace(html.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void newline() {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isTagNameEnd(char c) {
        return isSpace(c) || c == '/' || c == '>';
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

    private static boolean isHidden(Reading.Tag tag) {
        if (INVISIBLE.contains(tag.name()) || tag.hiddenAttribute()) {
            return true;
        }
        String style = tag.style();
        return style != null && !style.isEmpty() && HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
    }
}
