package org.privacymailbox.extraction;

import java.util.function.Supplier;

/** Does not hand content above a size to the parsers: a huge attachment would cost memory for little text. */
public final class SizeLimitedTextExtractor implements TextExtractor {

    private final TextExtractor delegate;
    private final long maxBytes;

    public SizeLimitedTextExtractor(TextExtractor delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
        if (content.length > maxBytes) {
            return ExtractedText.unread("not read: " + content.length + " bytes exceeds the attachment limit of " + maxBytes + " bytes");
        }
        return delegate.extract(content, fileName, declaredType, mailLanguage);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
