package org.privacymailbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what the customer wrote now from the history a reply drags along (quoted lines, "On … wrote:",
 * Outlook's header block, forwarded messages) and from signatures. Language detection and classification read
 * the new text; search still covers everything.
 */
final class ReplyText {

    /** "On … wrote:", "Den … skrev Navn <a@b>:", "Am … schrieb …:", "… kirjoitti:", with the name before or after. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(?:.{0,200}\\b(?:wrote|skrev|schrieb|kirjoitti|a écrit|escribió|schreef)\\b.{0,200}:|.{2,200}\\b(?:wrote|skrev|schrieb|kirjoitti))\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Every attribution names the writing; looked for first because the attribution's pattern backtracks over each
     * line's 200 characters, which for long mails cost more than the rest of reading them.
     */
    private static final List<String> WRITING = List.of("wrote", "skrev", "schrieb", "kirjoitti", "a écrit", "escribió", "schreef");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*[-_=*]{2,}\\s*(?:original message|oprindelig meddelelse|ursprungligt meddelande|opprinnelig melding"
                    + "|alkuperäinen viesti|ursprüngliche nachricht|forwarded message|videresendt meddelelse|videresendt besked"
                    + "|vidarebefordrat meddelande|videresendt melding|välitetty viesti|weitergeleitete nachricht"
                    + "|begin forwarded message)\\s*[-_=*]*\\s*:?\\s*$|^\\s*begin forwarded message\\s*:\\s*$|^_{20,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\s*\\*?(?:from|fra|från|lähettäjä|von|de)\\s*:\\*?\\s.+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(?:sent|date|to|subject|sendt|dato|til|emne|skickat|datum|till|ämne|lähetetty|päivämäärä|vastaanottaja"
                    + "|aihe|gesendet|an|betreff|envoyé|objet)\\s*:\\*?.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(?:-- ?|__\\s*|(?:sent from my|sendt fra min|skickat från min|sendt fra|lähetetty (?:iphonesta|android)|von meinem"
                    + "|get outlook for|hent outlook til|hämta outlook för|skaff outlook for).*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    record Parts(String own, String history) {
    }

    private ReplyText() {
    }

    static Parts split(String body) {
        String[] lines = lines(body);
        int historyStart = lines.length;
        int signatureStart = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (signatureStart == lines.length && SIGNATURE.matcher(line).matches()) {
                signatureStart = i;
            }
            if (startsHistory(lines, i)) {
                historyStart = i;
                break;
            }
        }
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < Math.min(historyStart, signatureStart); i++) {
            if (!lines[i].startsWith(">")) {
                own.append(lines[i]).append('\n');
            }
        }
        String ownText = own.toString().strip();
        if (ownText.isEmpty()) {
            // answers written between quoted lines, or a forward with no words of its own
            ownText = interleaved(lines, signatureStart);
        }
        if (ownText.isEmpty()) {
            return new Parts(body.strip(), "");
        }
        StringBuilder history = new StringBuilder();
        for (int i = historyStart; i < lines.length; i++) {
            history.append(lines[i]).append('\n');
        }
        return new Parts(ownText, history.toString().strip());
    }

    /** As {@code body.split("\r?\n", -1)}, without running a pattern over every character of a long mail. */
    static String[] lines(String body) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = body.indexOf('\n'); end >= 0; end = body.indexOf('\n', start)) {
            lines.add(body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        lines.add(body.substring(start));
        return lines.toArray(String[]::new);
    }

    private static boolean startsHistory(String[] lines, int i) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
            return false;
        }
        char first = Character.toLowerCase(line.charAt(0));
        // nearly every line starts with neither a separator's nor a header's first letter: two patterns spared
        if ((first == '-' || first == '_' || first == '=' || first == '*' || first == 'b') && SEPARATOR.matcher(line).matches()) {
            return true;
        }
        // whether quoted lines follow is asked first: it is cheap, and false for nearly every line
        if (line.length() < 250 && followedByQuote(lines, i) && isAttribution(line)) {
            return true;
        }
        // "On Mon, 3 Mar 2025 at 10:00, Kirsten <k@x.dk>\nwrote:" is wrapped by many clients
        if (i + 1 < lines.length && line.length() < 200
                && followedByQuote(lines, i + 1) && isAttribution(line + " " + lines[i + 1].strip())) {
            return true;
        }
        if ((first == '*' || first == 'f' || first == 'l' || first == 'v' || first == 'd') && HEADER_FROM.matcher(line).matches()) {
            int headers = 0;
            for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
                if (HEADER_NEXT.matcher(lines[j]).matches()) {
                    headers++;
                }
            }
            return headers >= 2;
        }
        return false;
    }

    private static boolean isAttribution(String line) {
        return namesWriting(line) && ATTRIBUTION.matcher(line).matches();
    }

    private static boolean namesWriting(String line) {
        char[] folded = new char[line.length()];
        for (int i = 0; i < folded.length; i++) {
            // as the pattern's case-insensitive comparison folds a letter
            folded[i] = Character.toLowerCase(Character.toUpperCase(line.charAt(i)));
        }
        String lower = new String(folded);
        for (String word : WRITING) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** An attribution is only taken as one when quoted lines follow it; "Jeg skrev til jer i går:" is not one. */
    private static boolean followedByQuote(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
            if (!lines[j].isBlank()) {
                return lines[j].startsWith(">");
            }
        }
        return false;
    }

    private static String interleaved(String[] lines, int signatureStart) {
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < signatureStart; i++) {
            if (!lines[i].startsWith(">") && !isAttribution(lines[i].strip())) {
                own.append(lines[i]).append('\n');
            }
        }
        return own.toString().strip();
    }
}
