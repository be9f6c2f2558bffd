package org.privacymailbox.extraction;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.Supplier;
import org.privacymailbox.storage.Sha256;

/**
 * Remembers what it read, so that the same attachment in another mail is not read again: the breach notice forwarded
 * back by hundreds of customers, the same logo or scanned form in every mail of a thread. Reading an image with OCR
 * costs a tenth of a second or more; looking its bytes up costs their hash.
 *
 * <p>A result counts for the same bytes under the same file name and declared type, and, when reading it asked for
 * the mail's language (OCR does), for a mail in the same language. What failed ("not read…": a time-out, a parser
 * error, an OCR program that crashed) is not remembered and is tried again. The least recently used results go first
 * once the text kept would exceed {@code maxBytes}; they are only a saving, so a restart loses nothing.
 */
public final class CachingTextExtractor implements TextExtractor {

    /** A result's keep besides its text: its key, its entry and list, counted with the text so that tiny ones add up. */
    private static final int ENTRY_OVERHEAD = 256;

    private final TextExtractor delegate;
    private final long maxBytes;
    private final LinkedHashMap<Key, Remembered> remembered = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;

    public CachingTextExtractor(TextExtractor delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    private record Key(String sha256, String fileName, String declaredType) {
    }

    /** {@code languageAsked}: whether reading it asked for the mail's language, and then {@code language} the answer. */
    private record Remembered(ExtractedText text, boolean languageAsked, String language, long bytes) {

        boolean servesMailIn(Supplier<String> mailLanguage) {
            return !languageAsked || Objects.equals(language, mailLanguage.get());
        }
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
        if (maxBytes <= 0) {
            return delegate.extract(content, fileName, declaredType, mailLanguage);
        }
        Key key = new Key(Sha256.hex(content), fileName, declaredType);
        Remembered earlier;
        synchronized (remembered) {
            earlier = remembered.get(key);
        }
        if (earlier != null && earlier.servesMailIn(mailLanguage)) {
            return earlier.text();
        }
        AskedLanguage asked = new AskedLanguage(mailLanguage);
        ExtractedText text = delegate.extract(content, fileName, declaredType, asked);
        if (!failed(text)) {
            long bytes = bytesOf(text);
            if (bytes <= maxBytes) {
                remember(key, new Remembered(text, asked.wasAsked(), asked.answer(), bytes));
            }
        }
        return text;
    }

    private void remember(Key key, Remembered result) {
        synchronized (remembered) {
            Remembered replaced = remembered.put(key, result);
            keptBytes += result.bytes() - (replaced == null ? 0 : replaced.bytes());
            var oldestFirst = remembered.values().iterator();
            while (keptBytes > maxBytes && oldestFirst.hasNext()) {
                keptBytes -= oldestFirst.next().bytes();
                oldestFirst.remove();
            }
        }
    }

    /** Text read a second time may come out whole where it failed: the failure may have been the machine's, not the file's. */
    private static boolean failed(ExtractedText text) {
        return isFailure(text.note()) || text.embedded().stream().anyMatch(file -> isFailure(file.note()));
    }

    private static boolean isFailure(String note) {
        return note != null && note.startsWith("not read");
    }

    /** Characters count two bytes each, as Java keeps any text beyond Latin-1. */
    private static long bytesOf(ExtractedText text) {
        long characters = text.text().length() + text.note().length();
        for (ExtractedText.EmbeddedFile file : text.embedded()) {
            characters += file.path().length() + String.valueOf(file.contentType()).length() + file.text().length() + file.note().length();
        }
        return ENTRY_OVERHEAD * (1L + text.embedded().size()) + 2 * characters;
    }

    /** Records whether, and with what answer, the reading asked for the mail's language. */
    private static final class AskedLanguage implements Supplier<String> {

        private final Supplier<String> mailLanguage;
        // the time limit reads on another thread; its result comes back through a Future, which publishes these
        private volatile boolean asked;
        private volatile String answer;

        AskedLanguage(Supplier<String> mailLanguage) {
            this.mailLanguage = mailLanguage;
        }

        @Override
        public String get() {
            if (!asked) {
                answer = mailLanguage.get();
                asked = true;
            }
            return answer;
        }

        boolean wasAsked() {
            return asked;
        }

        String answer() {
            return answer;
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
