package org.privacymailbox.extraction;

/**
 * Reads the text out of one piece of content (an attachment, an HTML body). Expected trouble — an unreadable,
 * encrypted or oversized file — comes back as an {@link ExtractedText} with a note; only a bug in a parser
 * escapes as an exception, and then the mail goes to quarantine for a person to look at.
 */
public interface TextExtractor extends AutoCloseable {

    ExtractedText extract(byte[] content, String fileName, String declaredType);

    /** Releases threads or processes a decorator holds; decorators pass it on. */
    @Override
    default void close() {
    }
}
