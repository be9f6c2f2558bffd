package org.privacymailbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacymailbox.acknowledgement.AcknowledgementPolicy;
import org.privacymailbox.classification.AutomatedMailDetector;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.classification.LanguageDetector;
import org.privacymailbox.classification.TopicClassifier;
import org.privacymailbox.classification.Vocabulary;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.TikaTextExtractor;
import org.privacymailbox.privacy.IdentityNumberDetector;

/**
 * The quality goals, measured the way {@code evaluate} measures them: on the development corpus when it is beside
 * the checkout, and always on the project's own labelled inquiries and its held-out set.
 */
class EvaluationTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private static Evaluator evaluator;

    @BeforeAll
    static void evaluator() throws Exception {
        try (InputStream vocabulary = EvaluationTest.class.getResourceAsStream("/classification/vocabulary.txt")) {
            evaluator = new Evaluator(new MailParser(new TikaTextExtractor(1_000_000)),
                    new InquiryClassifier(new AutomatedMailDetector(MAILBOX), new LanguageDetector(),
                            new TopicClassifier(Vocabulary.read(vocabulary, "vocabulary")), new IdentityNumberDetector()),
                    new AcknowledgementPolicy(true, MAILBOX));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EvaluationTest.class.getResource("/" + name + "/labels.jsonl").toURI()).getParent();
    }

    private static void assertGoals(String set, Evaluation evaluation) {
        System.out.println("evaluation of " + set + ":\n" + evaluation.report());
        assertThat(evaluation.topicAccuracy()).as(set + " topic accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.privacyRecall()).as(set + " privacy recall").isGreaterThanOrEqualTo(0.98);
        assertThat(evaluation.languageAccuracy()).as(set + " language accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.identifierPrecision()).as(set + " identifier precision").isGreaterThanOrEqualTo(0.98);
        assertThat(evaluation.identifierRecall()).as(set + " identifier recall").isGreaterThanOrEqualTo(0.98);
        assertThat(evaluation.acknowledgementsToAutomated()).as(set + " acknowledgements to automated mail").isZero();
    }

    @Test
    void developmentCorpusMeetsTheGoals() throws Exception {
        Path dev = Path.of("..", "shared", "corpus", "dev");
        Assumptions.assumeTrue(Files.isRegularFile(dev.resolve("labels.jsonl")), "the development corpus is not beside this checkout");
        assertGoals("the development corpus", evaluator.evaluate(dev));
    }

    @Test
    void ownInquiriesInEveryLanguageMeetTheGoals() throws Exception {
        Evaluation evaluation = evaluator.evaluate(resource("inquiries"));
        assertThat(evaluation.mails()).isEqualTo(64);
        assertGoals("the project's inquiries", evaluation);
        assertThat(evaluation.subtopicAccuracy()).as("sub-topic accuracy").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void heldOutInquiriesMeetTheGoals() throws Exception {
        Evaluation evaluation = evaluator.evaluate(resource("inquiries-holdout"));
        assertThat(evaluation.mails()).isEqualTo(40);
        assertGoals("the held-out inquiries", evaluation);
    }
}
