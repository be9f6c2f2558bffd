package org.privacymailbox.extraction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import jakarta.mail.internet.MimeUtility;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns the bytes of a text part into characters when the label cannot be trusted. Mail clients send Latin-1 text
 * labelled UTF-8, Windows-1252 labelled ISO-8859-1, UTF-8 with no label at all and invent charset names; a
 * misread "ø" makes a Danish word unsearchable.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> LATIN_LABELS = Set.of("ISO-8859-1", "ISO-8859-15", "WINDOWS-1252", "US-ASCII");
    private static final int MIN_DETECTION_CONFIDENCE = 40;
    /**
     * Bytes the statistical detector reads, as many as ICU's detector reads of a stream: its cost grows with the text,
     * its answer hardly after a few kilobytes (old spam without a label was 2 % of an import's CPU time, read whole).
     */
    private static final int DETECTION_SAMPLE = 8000;

    private TextDecoding() {
    }

    /** The text of {@code bytes}, whose declared charset ({@code label}) may be missing, unknown or wrong. */
    static String decode(byte[] bytes, String label) {
        Charset declared = known(label);
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        // valid UTF-8 with multi-byte sequences practically never happens by accident in a single-byte charset
        if (declared == null || declared.equals(StandardCharsets.UTF_8) || LATIN_LABELS.contains(declared.name().toUpperCase(Locale.ROOT))) {
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return utf8;
            }
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, latinAsWindows(declared));
        }
        return new String(bytes, detect(bytes));
    }

    /**
     * Repairs a header read byte by byte (Jakarta Mail keeps raw 8-bit header bytes as chars U+0080..U+00FF): UTF-8
     * when the bytes are valid UTF-8, Windows-1252 otherwise.
     */
    static String repairRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = strictUtf8(bytes);
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    /** The charset Java knows by this MIME name, or null. */
    static Charset known(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "");
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Charset latinAsWindows(Charset charset) {
        return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : charset;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Statistical detection; Windows-1252 when unsure, the charset most unlabelled Nordic mail is really in. */
    private static Charset detect(byte[] bytes) {
        try {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(bytes.length > DETECTION_SAMPLE ? Arrays.copyOf(bytes, DETECTION_SAMPLE) : bytes);
            CharsetMatch match = detector.detect();
            if (match != null && match.getConfidence() >= MIN_DETECTION_CONFIDENCE) {
                Charset charset = known(match.getName());
                if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
                    return latinAsWindows(charset);
                }
            }
        } catch (RuntimeException e) {
            // detection is a best guess; a detector failure must not cost the text
        }
        return WINDOWS_1252;
    }
}
