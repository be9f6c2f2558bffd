package org.privacymailbox.extraction;

import org.privacymailbox.classification.LanguageDetector;
import org.privacymailbox.settings.DataSettings;
import org.privacymailbox.storage.ScratchDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExtractionConfiguration.class);

    /**
     * Limits wrap the parser from the inside out: size is checked before any thread or parser is used, and an
     * attachment read before comes back without a thread either.
     */
    @Bean(destroyMethod = "close")
    TextExtractor textExtractor(ExtractionSettings settings, DataSettings data) {
        int ocrTimeout = (int) Math.max(1, settings.timeout().toSeconds());
        ScratchDirectory scratch = ScratchDirectory.forThisProcess(data.resolve("tmp"));
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(settings.ocr(), settings.ocrLanguages(), ocrTimeout, scratch);
        if (ocr.enabled() && !ocr.available()) {
            log.warn("OCR is switched on but Tesseract was not found: images are recorded as not read. Install tesseract-ocr "
                    + "(with the {} language packs) or set privacy-mailbox.extraction.ocr=false", settings.ocrLanguages());
        }
        return new SizeLimitedTextExtractor(
                new CachingTextExtractor(
                        new TimeLimitedTextExtractor(
                                new TikaTextExtractor(settings.maxCharacters(), settings.maxDepth(), settings.maxCompressionRatio(), ocr),
                                settings.timeout()),
                        settings.textCacheSize().toBytes()),
                settings.maxAttachmentSize().toBytes());
    }

    @Bean
    MailParser mailParser(TextExtractor textExtractor, ExtractionSettings settings, LanguageDetector languageDetector) {
        return new MailParser(textExtractor, settings.maxMailSize().toBytes(), settings.maxDepth(), languageDetector::clearLanguage);
    }
}
