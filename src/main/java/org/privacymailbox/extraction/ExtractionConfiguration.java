package org.privacymailbox.extraction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    /** Limits wrap the parser from the inside out: size is checked before any thread or parser is used. */
    @Bean(destroyMethod = "close")
    TextExtractor textExtractor(ExtractionSettings settings) {
        return new SizeLimitedTextExtractor(
                new TimeLimitedTextExtractor(new TikaTextExtractor(settings.maxCharacters()), settings.timeout()),
                settings.maxAttachmentSize().toBytes());
    }

    @Bean
    MailParser mailParser(TextExtractor textExtractor) {
        return new MailParser(textExtractor);
    }
}
