package org.privacymailbox.extraction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words as real mail writes them: words split in the middle of a UTF-8 character,
 * unknown charsets, spaces inside, bad padding, a missing closing {@code ?=}. Jakarta Mail's decoder gives up on
 * those and leaves {@code =?utf-8?...} in the subject.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile(
            "=\\?([^?\\s]+)\\?([QqBb])\\?(.*?)(?:\\?=|$)|=\\?([^?\\s]+)\\?([QqBb])\\?([^?]*)$");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s+");

    private EncodedWords() {
    }

    static String decode(String header) {
        if (header == null || !header.contains("=?")) {
            return header;
        }
        StringBuilder out = new StringBuilder(header.length());
        Matcher m = WORD.matcher(header);
        int position = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String gap = header.substring(position, m.start());
            boolean adjacent = pendingCharset != null && (gap.isEmpty() || BETWEEN_WORDS.matcher(gap).matches());
            String charset = m.group(1) != null ? m.group(1) : m.group(4);
            String encoding = m.group(2) != null ? m.group(2) : m.group(5);
            String text = m.group(3) != null ? m.group(3) : m.group(6);
            charset = stripLanguage(charset);
            // adjacent words in the same charset are joined as bytes, so a character split between them survives
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                if (!adjacent) {
                    out.append(gap);
                }
            }
            pendingCharset = charset;
            byte[] bytes = encoding.equalsIgnoreCase("B") ? base64(text) : quotedPrintable(text);
            pending.writeBytes(bytes);
            position = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(header.substring(position));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        Charset known = TextDecoding.known(charset);
        out.append(TextDecoding.decode(bytes, known == null ? null : known.name()));
    }

    private static String stripLanguage(String charset) {
        int star = charset.indexOf('*'); // RFC 2231 language suffix: utf-8*da
        return star < 0 ? charset : charset.substring(0, star);
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1); // a stray last character cannot be decoded
        }
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
