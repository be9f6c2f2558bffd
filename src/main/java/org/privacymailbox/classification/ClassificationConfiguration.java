package org.privacymailbox.classification;

import java.io.IOException;
import java.io.InputStream;
import org.privacymailbox.intake.MailboxSettings;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

    /** Also tells OCR the language of a mail's images. */
    @Bean
    LanguageDetector languageDetector() {
        return new LanguageDetector();
    }

    @Bean
    InquiryClassifier inquiryClassifier(MailboxSettings mailbox, ClassificationSettings settings, IdentityNumberDetector detector,
            LanguageDetector languageDetector) {
        return new InquiryClassifier(new AutomatedMailDetector(mailbox.address()), languageDetector,
                new TopicClassifier(vocabulary(settings)), detector);
    }

    private static Vocabulary vocabulary(ClassificationSettings settings) {
        try (InputStream in = settings.vocabulary().getInputStream()) {
            return Vocabulary.read(in, settings.vocabulary().getDescription());
        } catch (IOException e) {
            throw new InvalidSettingException("privacy-mailbox.classification.vocabulary", e.getMessage());
        }
    }
}
