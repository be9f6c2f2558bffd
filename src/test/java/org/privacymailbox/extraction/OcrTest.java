package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.classification.LanguageDetector;
import org.privacymailbox.storage.ScratchDirectory;

/** Receipts arrive as photos and screenshots: with Tesseract installed (.ci/run installs it) they become text. */
class OcrTest {

    private static final String NORDIC_DEFAULTS = "dan+swe+nor+fin+eng";

    @TempDir
    Path scratch;

    private static byte[] mailWithImage(byte[] png) {
        return Attachments.mailWithImage("kvittering", "se billedet", png);
    }

    private Attachment readWithTheMailsLanguage(byte[] mail) throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, NORDIC_DEFAULTS, 60, ScratchDirectory.forThisProcess(scratch));
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        LanguageDetector languages = new LanguageDetector();
        return new MailParser(new TikaTextExtractor(10_000, 5, 100, ocr), Long.MAX_VALUE, 5, languages::clearLanguage)
                .parse(mail).attachments().get(0);
    }

    @Test
    void anImageInAnEnglishMailIsReadInEnglishAlone() throws Exception {
        Attachment image = readWithTheMailsLanguage(Attachments.mailWithImage("My receipt",
                "Hello, attached is the receipt for my order. Was my card number in the leaked data?", Attachments.png("Receipt 4711 paid")));
        assertThat(image.text()).containsIgnoringCase("receipt").contains("4711");
        assertThat(image.note()).isEqualTo("text read by OCR (eng)");
    }

    @Test
    void anImageInADanishMailIsReadInTheScandinavianLanguagesWithoutFinnish() throws Exception {
        Attachment image = readWithTheMailsLanguage(Attachments.mailWithImage("Min kvittering",
                "Hej, her er kvitteringen for min ordre. Jeg vil gerne vide, om mine oplysninger er lækket.",
                Attachments.png("Kvittering 4711 betalt")));
        assertThat(image.text()).containsIgnoringCase("kvittering").contains("4711");
        assertThat(image.note()).isEqualTo("text read by OCR (dan+nor+swe+eng)");
    }

    @Test
    void anImageSentWithoutWordsIsReadInEveryConfiguredLanguage() throws Exception {
        Attachment image = readWithTheMailsLanguage(Attachments.mailWithImage("", "", Attachments.png("Kvittering 4711 betalt")));
        assertThat(image.text()).contains("4711");
        assertThat(image.note()).isEqualTo("text read by OCR (" + NORDIC_DEFAULTS + ")");
    }

    @Test
    void ocrReadsTheMailsLanguageAndEnglishWhenBothAreConfigured() {
        TikaTextExtractor.Ocr nordic = new TikaTextExtractor.Ocr(true, true, NORDIC_DEFAULTS, 60, null);
        assertThat(nordic.languagesFor("en")).isEqualTo("eng");
        assertThat(nordic.languagesFor("fi")).isEqualTo("fin+eng");
        assertThat(nordic.languagesFor("sv")).isEqualTo("swe+dan+nor+eng");
        assertThat(nordic.languagesFor("no")).isEqualTo("nor+dan+swe+eng");
        assertThat(nordic.languagesFor("de")).as("German is not configured").isEqualTo(NORDIC_DEFAULTS);
        assertThat(nordic.languagesFor(null)).isEqualTo(NORDIC_DEFAULTS);
        TikaTextExtractor.Ocr danishOnly = new TikaTextExtractor.Ocr(true, true, "dan", 60, null);
        assertThat(danishOnly.languagesFor("en")).as("English is not configured").isEqualTo("dan");
        assertThat(danishOnly.languagesFor("da")).isEqualTo("dan");
    }

    @Test
    void textInAnAttachedImageIsReadByOcr() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, "dan+eng", 60, ScratchDirectory.forThisProcess(scratch));
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, ocr)).parse(mailWithImage(Attachments.png("Kvittering 4711 betalt")));
        assertThat(mail.attachments().get(0).text()).containsIgnoringCase("kvittering").contains("4711");
    }

    @Test
    void aTrackingPixelIsNotGivenToOcrAndSaysWhy() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, "dan+eng", 60, ScratchDirectory.forThisProcess(scratch));
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, ocr)).parse(mailWithImage(png.toByteArray()));
        assertThat(mail.attachments().get(0).note()).isEqualTo("image of 1×1 pixels, too small to hold text: not read");
    }

    @Test
    void withOcrSwitchedOffAnImageIsRecordedAsNotRead() throws Exception {
        TikaTextExtractor.Ocr off = new TikaTextExtractor.Ocr(false, false, "eng", 60, null);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, off)).parse(mailWithImage(Attachments.png("Kvittering 4711")));
        assertThat(mail.attachments().get(0).text()).isEmpty();
        assertThat(mail.attachments().get(0).note()).isEqualTo("image, not read (OCR is switched off)");
    }

    @Test
    void withoutTesseractAnImageIsRecordedAsNotRead() throws Exception {
        TikaTextExtractor.Ocr missing = new TikaTextExtractor.Ocr(true, false, "eng", 60, null);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, missing)).parse(mailWithImage(Attachments.png("Kvittering 4711")));
        assertThat(mail.attachments().get(0).note()).isEqualTo("image, not read (OCR is not installed)");
    }
}
