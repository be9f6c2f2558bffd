package org.privacymailbox.extraction;

/**
 * Undoes RFC 3676 {@code format=flowed}: a line ending in a space continues on the next one. Without this a
 * sentence wrapped by the sender's client is split, and a phrase query across the wrap finds nothing.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean deleteSpace) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = new StringBuilder();
        int paragraphDepth = -1;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            boolean signature = line.equals("-- ");
            boolean flowed = !signature && line.endsWith(" ");
            if (paragraphDepth >= 0 && depth != paragraphDepth) {
                finish(out, paragraph, paragraphDepth);
            }
            paragraphDepth = depth;
            if (flowed && deleteSpace) {
                line = line.substring(0, line.length() - 1);
            }
            paragraph.append(line);
            if (!flowed) {
                finish(out, paragraph, depth);
                paragraphDepth = -1;
            }
        }
        if (paragraph.length() > 0) {
            finish(out, paragraph, Math.max(paragraphDepth, 0));
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void finish(StringBuilder out, StringBuilder paragraph, int depth) {
        out.append(">".repeat(depth)).append(depth > 0 ? " " : "").append(paragraph).append('\n');
        paragraph.setLength(0);
    }
}
