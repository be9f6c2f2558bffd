package org.privacymailbox.extraction;

import java.util.function.Supplier;

/**
 * Reads the text out of one piece of content (an attachment, an HTML body). Expected trouble — an unreadable,
 * encrypted or oversized file — comes back as an {@link ExtractedText} with a note; only a bug in a parser
 * escapes as an exception, and then the mail goes to quarantine for a person to look at.
 */
public interface TextExtractor extends AutoCloseable {

    /**
     * {@code mailLanguage} gives the language the mail around the content is written in (ISO 639-1, null when not
     * known), so that OCR reads the content's images in it; it is asked only while OCR is on.
     */
    ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage);

    /** Releases threads or processes a decorator holds; decorators pass it on. */
    @Override
    default void close() {
    }
}
