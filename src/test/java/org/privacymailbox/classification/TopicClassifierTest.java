package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static TopicClassifier classifier;

    @BeforeAll
    static void vocabulary() throws Exception {
        try (InputStream in = TopicClassifierTest.class.getResourceAsStream("/classification/vocabulary.txt")) {
            classifier = new TopicClassifier(Vocabulary.read(in, "vocabulary"));
        }
    }

    private static TopicClassifier.Result classify(String text) {
        return classifier.classify(text, "");
    }

    @Test
    void inflectedFormsMatchThroughStemming() {
        assertThat(classify("Jeg ønsker sletning af min konto").subtopic()).isEqualTo("erasure");
        assertThat(classify("I har slettet for lidt: slet resten").subtopic()).isEqualTo("erasure");
        assertThat(classify("Bitte löschen Sie alles").subtopic()).isEqualTo("erasure");
    }

    @Test
    void compoundsAreSplitIntoTheirWords() {
        assertThat(classify("Her er min indsigtsanmodning.").subtopic()).isEqualTo("access");
        assertThat(classify("Varför fick jag en påminnelseavgift?").subtopic()).isEqualTo("reminder-fee");
        assertThat(classify("Mein Auskunftsersuchen vom März").subtopic()).isEqualTo("access");
        assertThat(classify("Onko minun henkilötunnukseni turvassa?").topic()).isEqualTo(Topic.PRIVACY);
    }

    @Test
    void chanceLettersInsideAnUnrelatedWordDoNotCount() {
        assertThat(classify("Onko teillä sähköautoja vuokrattavana ensi kuussa?").topic()).isEqualTo(Topic.OTHER);
    }

    @Test
    void mailTypedWithoutNordicLettersIsUnderstood() {
        assertThat(classify("Stop al markedsfoering til mig").subtopic()).isEqualTo("objection-consent");
        assertThat(classify("Jeg har faaet et rykkergebyr").subtopic()).isEqualTo("reminder-fee");
        assertThat(classify("Varfor fick jag en paminnelseavgift?").subtopic()).isEqualTo("reminder-fee");
    }

    @Test
    void aDataSubjectRequestGoesToPrivacyEvenBesideInvoiceWords() {
        TopicClassifier.Result result = classify("Fakturaen, rykkeren og gebyret er forkerte, men vigtigst: slet mine oplysninger.");
        assertThat(result.topic()).isEqualTo(Topic.PRIVACY);
        assertThat(result.confidence()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void invoiceWordsAloneAreBilling() {
        TopicClassifier.Result result = classify("Jeg har fået to fakturaer for marts og vil have pengene tilbage.");
        assertThat(result.topic()).isEqualTo(Topic.BILLING);
        assertThat(result.subtopic()).isEqualTo("refund");
    }

    @Test
    void thinEvidenceHasLowConfidence() {
        TopicClassifier.Result result = classify("Kan I sende mig mine oplysninger om bilen?");
        assertThat(result.confidence()).isLessThan(0.5);
    }

    @Test
    void noSignalIsOther() {
        assertThat(classify("Har I åbent på lørdag?").topic()).isEqualTo(Topic.OTHER);
    }

    @Test
    void attachmentsCountHalfAndNeverMakeARequest() {
        TopicClassifier.Result result = classifier.classify("Se vedhæftede.", "Anmodning om sletning. Faktura 123, beløb 400 kr, betalt.");
        assertThat(result.topic()).isEqualTo(Topic.BILLING);
    }

    @Test
    void aStopWordAloneIsRefusedWhenTheVocabularyIsRead() {
        InputStream bad = new ByteArrayInputStream("da privacy 2 mine\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new TopicClassifier(Vocabulary.read(bad, "custom.txt")))
                .hasMessageContaining("custom.txt line 1").hasMessageContaining("stop word");
    }

    @Test
    void malformedVocabularyLinesAreReportedWithTheirLine() {
        InputStream bad = new ByteArrayInputStream("# comment\nxx privacy 2 ord\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Vocabulary.read(bad, "custom.txt")).hasMessageContaining("custom.txt line 2").hasMessageContaining("unknown language");
    }

    @Test
    void attachmentsAreReadForTheirFirstPagesOnly() {
        String filler = "lorem ipsum dolor sit amet ".repeat(TopicClassifier.MAX_SUPPORTING_CHARACTERS / 27 + 10);
        assertThat(classifier.classify("Se vedhæftet", "faktura rykkergebyr " + filler).topic()).isEqualTo(Topic.BILLING);
        assertThat(classifier.classify("Se vedhæftet", filler + " faktura rykkergebyr").topic()).isEqualTo(Topic.OTHER);
    }

    @Test
    void aLongTextIsCutBetweenWords() {
        String cut = TopicClassifier.cut("sletning ".repeat(5), 12);
        assertThat(cut).isEqualTo("sletning");
    }
}
