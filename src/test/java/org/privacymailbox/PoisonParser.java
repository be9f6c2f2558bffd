package org.privacymailbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.privacymailbox.extraction.ExtractedText;
import org.privacymailbox.extraction.TextExtractor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Makes the parser fail on one attachment name, as a parser bug would on a crafted file: such a mail must be quarantined.
 * Two more names run out of memory: one once, as when other large mails were read beside it, one every time.
 */
@TestConfiguration
public class PoisonParser {

    public static final String POISON = "poison.bin";
    public static final String SHORT_OF_MEMORY_ONCE = "short-of-memory-once.bin";
    public static final String SHORT_OF_MEMORY_ALWAYS = "short-of-memory-always.bin";
    private static final AtomicBoolean ranOutOnce = new AtomicBoolean();

    @Bean
    @Primary
    TextExtractor failingOnPoison(@Qualifier("textExtractor") TextExtractor real) {
        return new TextExtractor() {
            @Override
            public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
                if (POISON.equals(fileName)) {
                    throw new IllegalStateException("parser crashed on " + POISON);
                }
                if (SHORT_OF_MEMORY_ALWAYS.equals(fileName) || SHORT_OF_MEMORY_ONCE.equals(fileName) && ranOutOnce.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return real.extract(content, fileName, declaredType, mailLanguage);
            }
        };
    }
}
