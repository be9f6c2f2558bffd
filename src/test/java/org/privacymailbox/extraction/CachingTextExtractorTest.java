package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.classification.LanguageDetector;
import org.privacymailbox.storage.ScratchDirectory;
import org.springframework.util.unit.DataSize;

/** The same attachment in many mails (a forwarded notice, a logo, a form) is read once, and gives the same text. */
class CachingTextExtractorTest {

    private static final Supplier<String> NO_LANGUAGE_ASKED = () -> {
        throw new AssertionError("a PDF's text does not depend on the mail's language");
    };

    @TempDir
    Path scratch;

    /** Tika, counting what reaches it. */
    private static final class CountedTika implements TextExtractor {

        private final TextExtractor tika;
        private final AtomicInteger reads = new AtomicInteger();

        CountedTika(TextExtractor tika) {
            this.tika = tika;
        }

        @Override
        public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
            reads.incrementAndGet();
            return tika.extract(content, fileName, declaredType, mailLanguage);
        }
    }

    private final CountedTika tika = new CountedTika(new TikaTextExtractor(10_000));

    @Test
    void theSameAttachmentInAnotherMailIsNotReadAgain() throws Exception {
        byte[] pdf = Attachments.pdf("Betalingskvittering faktura 4711");
        CachingTextExtractor extractor = new CachingTextExtractor(tika, 1 << 20);

        ExtractedText first = extractor.extract(pdf, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        ExtractedText second = extractor.extract(pdf.clone(), "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);

        assertThat(first.text()).contains("Betalingskvittering faktura 4711");
        assertThat(second).isEqualTo(first);
        assertThat(tika.reads).hasValue(1);
    }

    @Test
    void anotherAttachmentOrTheSameUnderAnotherNameIsRead() throws Exception {
        CachingTextExtractor extractor = new CachingTextExtractor(tika, 1 << 20);

        extractor.extract(Attachments.pdf("faktura 4711"), "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        ExtractedText other = extractor.extract(Attachments.pdf("faktura 4712"), "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(Attachments.pdf("faktura 4711"), "faktura.pdf", "application/pdf", NO_LANGUAGE_ASKED);

        assertThat(other.text()).contains("4712").doesNotContain("4711");
        assertThat(tika.reads).hasValue(3);
    }

    @Test
    void anAttachmentThatCouldNotBeReadIsTriedAgain() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nbroken".getBytes(StandardCharsets.US_ASCII);
        CachingTextExtractor extractor = new CachingTextExtractor(tika, 1 << 20);

        ExtractedText first = extractor.extract(broken, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(broken, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);

        assertThat(first.note()).startsWith("not read");
        assertThat(tika.reads).hasValue(2);
    }

    @Test
    void aReadingAbandonedAtTheTimeLimitIsTriedAgain() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        TextExtractor slowOnce = (content, fileName, declaredType, mailLanguage) -> {
            if (reads.incrementAndGet() == 1) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ExtractedText.complete("kvitteringstekst");
        };
        CachingTextExtractor extractor = new CachingTextExtractor(new TimeLimitedTextExtractor(slowOnce, Duration.ofMillis(200)), 1 << 20);
        byte[] pdf = Attachments.pdf("faktura 4711");

        ExtractedText abandoned = extractor.extract(pdf, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        ExtractedText read = extractor.extract(pdf, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);

        assertThat(abandoned.note()).startsWith("not read: parsing was abandoned");
        assertThat(read.text()).isEqualTo("kvitteringstekst");
    }

    @Test
    void leastRecentlyUsedTextGoesFirstWhenTheCacheIsFull() throws Exception {
        byte[] a = Attachments.pdf("faktura 1001");
        byte[] b = Attachments.pdf("faktura 1002");
        byte[] c = Attachments.pdf("faktura 1003");
        long oneEntry = 256 + 2 * ("faktura 1001".length() + 8);
        CachingTextExtractor extractor = new CachingTextExtractor(tika, 2 * oneEntry + oneEntry / 2);

        extractor.extract(a, "a.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(b, "b.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(a, "a.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(c, "c.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        assertThat(tika.reads).hasValue(3);

        extractor.extract(a, "a.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        assertThat(tika.reads).as("a was used after b, so b made room for c").hasValue(3);
        extractor.extract(b, "b.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        assertThat(tika.reads).hasValue(4);
    }

    @Test
    void aCacheOfNoSizeReadsEveryAttachment() throws Exception {
        byte[] pdf = Attachments.pdf("faktura 4711");
        CachingTextExtractor extractor = new CachingTextExtractor(tika, 0);

        extractor.extract(pdf, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);
        extractor.extract(pdf, "kvittering.pdf", "application/pdf", NO_LANGUAGE_ASKED);

        assertThat(tika.reads).hasValue(2);
    }

    @Test
    void anImageSeenInAMailOfAnotherLanguageIsReadAgainInThatLanguage() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, "dan+swe+nor+fin+eng", 60, ScratchDirectory.forThisProcess(scratch));
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        CountedTika ocrTika = new CountedTika(new TikaTextExtractor(10_000, 5, 100, ocr));
        LanguageDetector languages = new LanguageDetector();
        MailParser parser = new MailParser(new CachingTextExtractor(ocrTika, 1 << 20), Long.MAX_VALUE, 5, languages::clearLanguage);
        byte[] png = Attachments.png("Kvittering 4711 betalt");
        String danish = "Hej, her er kvitteringen for min ordre. Jeg vil gerne vide, om mine oplysninger er lækket.";
        String english = "Hello, attached is the receipt for my order. Was my card number in the leaked data?";

        Attachment first = parser.parse(Attachments.mailWithImage("Min kvittering", danish, png)).attachments().get(0);
        Attachment again = parser.parse(Attachments.mailWithImage("Kvittering igen", danish, png)).attachments().get(0);
        Attachment inEnglish = parser.parse(Attachments.mailWithImage("My receipt", english, png)).attachments().get(0);

        assertThat(first.note()).isEqualTo("text read by OCR (dan+nor+swe+eng)");
        assertThat(again.text()).isEqualTo(first.text()).contains("4711");
        assertThat(inEnglish.note()).isEqualTo("text read by OCR (eng)");
        assertThat(ocrTika.reads).hasValue(2);
    }

    @Test
    void aNegativeCacheSizeIsRefusedAtStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new ExtractionSettings(DataSize.ofMegabytes(50), DataSize.ofMegabytes(30), 2_000_000, 10, 100,
                Duration.ofSeconds(60), true, "dan+swe+nor+fin+eng", DataSize.ofBytes(-1)))
                .hasMessageContaining("privacy-mailbox.extraction.text-cache-size").hasMessageContaining("0 or more");
    }
}
