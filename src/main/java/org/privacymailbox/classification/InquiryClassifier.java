package org.privacymailbox.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityNumber;
import org.privacymailbox.privacy.IdentityNumberDetector;

/** Decides what a mail is: who wrote it (a person or a machine), in which language, about what, naming whom. */
public class InquiryClassifier {

    private final AutomatedMailDetector automated;
    private final LanguageDetector languages;
    private final TopicClassifier topics;
    private final IdentityNumberDetector identityNumbers;

    public InquiryClassifier(AutomatedMailDetector automated, LanguageDetector languages, TopicClassifier topics,
            IdentityNumberDetector identityNumbers) {
        this.automated = automated;
        this.languages = languages;
        this.topics = topics;
        this.identityNumbers = identityNumbers;
    }

    public Inquiry classify(Inquiry inquiry) {
        ParsedMail mail = inquiry.requireMail();
        String written = mail.subject() + "\n" + mail.body();
        LanguageDetector.DetectedLanguage language = languages.detect(mail.body().isBlank() ? mail.subject() : mail.body());
        List<IdentityNumber> numbers = new ArrayList<>(identityNumbers.find(mail.subject()));
        numbers.addAll(identityNumbers.find(mail.body()));
        numbers.addAll(identityNumbers.find(mail.attachmentText()));
        Optional<String> machine = automated.reasonNotHuman(mail);
        Classification result;
        if (machine.isPresent()) {
            result = new Classification(Topic.AUTOMATED, 1.0, language.language(), language.confidence(), machine.get(), numbers);
        } else {
            TopicClassifier.Result topic = topics.classify(written + "\n" + String.join(" ", mail.attachmentNames()));
            result = new Classification(topic.topic(), topic.confidence(), language.language(), language.confidence(), "", numbers);
        }
        return inquiry.withClassification(result);
    }
}
