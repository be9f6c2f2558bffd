package org.privacymailbox;

import java.util.function.Supplier;
import org.privacymailbox.extraction.ExtractedText;
import org.privacymailbox.extraction.TextExtractor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Makes the parser fail on one attachment name, as a parser bug would on a crafted file: such a mail must be quarantined. */
@TestConfiguration
public class PoisonParser {

    public static final String POISON = "poison.bin";

    @Bean
    @Primary
    TextExtractor failingOnPoison(@Qualifier("textExtractor") TextExtractor real) {
        return new TextExtractor() {
            @Override
            public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
                if (POISON.equals(fileName)) {
                    throw new IllegalStateException("parser crashed on " + POISON);
                }
                return real.extract(content, fileName, declaredType, mailLanguage);
            }
        };
    }
}
