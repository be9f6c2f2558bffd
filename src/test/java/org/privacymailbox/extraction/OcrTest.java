package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Receipts arrive as photos and screenshots: with Tesseract installed (.ci/run installs it) they become text. */
class OcrTest {

    private static byte[] mailWithImage(byte[] png) {
        return ("From: a@example.dk\r\nMessage-ID: <o@example.dk>\r\nSubject: kvittering\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nse billedet\r\n"
                + "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"IMG_2041.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Attachments.base64Lines(png) + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void textInAnAttachedImageIsReadByOcr() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, "dan+eng", 60);
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, ocr)).parse(mailWithImage(Attachments.png("Kvittering 4711 betalt")));
        assertThat(mail.attachments().get(0).text()).containsIgnoringCase("kvittering").contains("4711");
    }

    @Test
    void aTrackingPixelIsNotGivenToOcrAndSaysWhy() throws Exception {
        TikaTextExtractor.Ocr ocr = TikaTextExtractor.Ocr.detect(true, "dan+eng", 60);
        assumeTrue(ocr.available(), "Tesseract is not installed here");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, ocr)).parse(mailWithImage(png.toByteArray()));
        assertThat(mail.attachments().get(0).note()).isEqualTo("image of 1×1 pixels, too small to hold text: not read");
    }

    @Test
    void withOcrSwitchedOffAnImageIsRecordedAsNotRead() throws Exception {
        TikaTextExtractor.Ocr off = new TikaTextExtractor.Ocr(false, false, "eng", 60);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, off)).parse(mailWithImage(Attachments.png("Kvittering 4711")));
        assertThat(mail.attachments().get(0).text()).isEmpty();
        assertThat(mail.attachments().get(0).note()).isEqualTo("image, not read (OCR is switched off)");
    }

    @Test
    void withoutTesseractAnImageIsRecordedAsNotRead() throws Exception {
        TikaTextExtractor.Ocr missing = new TikaTextExtractor.Ocr(true, false, "eng", 60);
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 5, 100, missing)).parse(mailWithImage(Attachments.png("Kvittering 4711")));
        assertThat(mail.attachments().get(0).note()).isEqualTo("image, not read (OCR is not installed)");
    }
}
