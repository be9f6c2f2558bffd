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
        return inquiry.withClassification(classify(inquiry.requireMail()));
    }

    /** Reads what the sender wrote now (not the quoted history) for language and topic; every part for identity numbers. */
    public Classification classify(ParsedMail mail) {
        LanguageDetector.DetectedLanguage language = languages.detect(mail.ownText().isBlank() ? mail.subject() : mail.ownText());
        List<IdentityNumber> numbers = new ArrayList<>();
        collectIdentityNumbers(mail, numbers);
        Optional<String> machine = automated.reasonNotHuman(mail);
        if (machine.isPresent()) {
            return new Classification(Topic.AUTOMATED, 1.0, language.language(), language.confidence(), machine.get(), numbers);
        }
        String written = mail.subject() + "\n" + mail.ownText();
        StringBuilder supporting = new StringBuilder(String.join("\n", mail.attachmentNames())).append('\n').append(mail.attachmentText());
        // a customer who forwards a mail with a line of their own means what the forwarded mail is about
        for (ParsedMail forwarded : mail.forwarded()) {
            supporting.append('\n').append(forwarded.subject()).append('\n').append(forwarded.ownText());
        }
        TopicClassifier.Result topic = topics.classify(written, supporting.toString());
        return new Classification(topic.topic(), topic.subtopic(), topic.confidence(), language.language(), language.confidence(), "",
                numbers);
    }

    private void collectIdentityNumbers(ParsedMail mail, List<IdentityNumber> numbers) {
        numbers.addAll(identityNumbers.find(mail.subject()));
        numbers.addAll(identityNumbers.find(mail.body()));
        numbers.addAll(identityNumbers.find(mail.attachmentText()));
        for (ParsedMail forwarded : mail.forwarded()) {
            collectIdentityNumbers(forwarded, numbers);
        }
    }
}
