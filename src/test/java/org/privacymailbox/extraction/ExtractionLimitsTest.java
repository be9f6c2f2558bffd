package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** Every limit, when hit, is recorded on the mail or the attachment; none throws. */
class ExtractionLimitsTest {

    private static final String HEAD = "From: a@example.dk\r\nMessage-ID: <l@example.dk>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nse bilag\r\n";

    private static byte[] mailWith(String name, String type, byte[] content) {
        return (HEAD + "--b\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Attachments.base64Lines(content) + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Attachment first(ParsedMail mail) {
        return mail.attachments().get(0);
    }

    @Test
    void mailAboveTheSizeLimitKeepsItsTextButItsAttachmentsAreNotRead() throws Exception {
        byte[] raw = mailWith("kvittering.txt", "text/plain", "kvitteringsord".getBytes(StandardCharsets.UTF_8));
        ParsedMail mail = new MailParser(new TikaTextExtractor(1000), raw.length - 1, 10, TextLanguage.UNKNOWN).parse(raw);
        assertThat(mail.body()).isEqualTo("se bilag");
        assertThat(mail.notes()).anySatisfy(note -> assertThat(note).contains("above the limit of " + (raw.length - 1)));
        assertThat(first(mail).note()).isEqualTo("not read: the mail is above the size limit");
        assertThat(mail.attachmentText()).isEmpty();
    }

    @Test
    void textIsCutAtTheCharacterLimitAndSaysSo() throws Exception {
        byte[] raw = mailWith("lang.txt", "text/plain", "ord ".repeat(5000).getBytes(StandardCharsets.UTF_8));
        Attachment attachment = first(new MailParser(new TikaTextExtractor(1000)).parse(raw));
        assertThat(attachment.text().length()).isLessThanOrEqualTo(1000);
        assertThat(attachment.note()).isEqualTo("cut at 1000 characters");
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreRecorded() throws Exception {
        byte[] nested = Attachments.zip("bund.txt", "bundord".getBytes(StandardCharsets.UTF_8));
        for (int level = 0; level < 4; level++) {
            nested = Attachments.zip("niveau" + level + ".zip", nested);
        }
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000, 2, 100, TikaTextExtractor.Ocr.off()))
                .parse(mailWith("dyb.zip", "application/zip", nested));
        assertThat(mail.allNotes()).anySatisfy(note -> assertThat(note).contains("nested deeper than 2 levels"));
        assertThat(mail.attachmentText()).doesNotContain("bundord");
    }

    @Test
    void zipBombIsRecognisedAndNotExpanded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // one XML comment of 64 MB: the parser reads every byte and writes nothing, so only the expansion gives it away
            zip.putNextEntry(new ZipEntry("data.xml"));
            zip.write("<?xml version=\"1.0\"?><data><!--".getBytes(StandardCharsets.US_ASCII));
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                zip.write(filler);
            }
            zip.write("--></data>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Attachment attachment = first(new MailParser(new TikaTextExtractor(10_000, 5, 100, TikaTextExtractor.Ocr.off()))
                .parse(mailWith("bombe.zip", "application/zip", bytes.toByteArray())));
        assertThat(attachment.note()).contains("suspected zip bomb");
    }

    @Test
    void aParserThatDoesNotFinishIsAbandonedAfterTheTimeout() throws Exception {
        TextExtractor stuck = (content, fileName, declaredType, mailLanguage) -> {
            while (true) {
                Thread.onSpinWait(); // a parser in an endless loop that never looks at interrupts
            }
        };
        try (TextExtractor limited = new TimeLimitedTextExtractor(stuck, Duration.ofMillis(300))) {
            Attachment attachment = first(new MailParser(limited).parse(mailWith("loop.bin", "application/octet-stream", new byte[10])));
            assertThat(attachment.note()).isEqualTo("not read: parsing was abandoned after 0.3 s");
        }
    }

    /** Runs inside the test JVM's 512 MB heap (see the surefire configuration). */
    @Test
    void mailOf25MegabytesWithA20MegabytePdfIsRead() throws Exception {
        byte[] pdf = largePdf("storpdfkvittering", 20 * 1024 * 1024);
        byte[] raw = mailWith("scanning.pdf", "application/pdf", pdf);
        assertThat(raw.length).isGreaterThan(25_000_000);
        TextExtractor extractor = new SizeLimitedTextExtractor(new TikaTextExtractor(2_000_000, 10, 100, TikaTextExtractor.Ocr.off()), 30L << 20);
        ParsedMail mail = new MailParser(extractor, 50L << 20, 10, TextLanguage.UNKNOWN).parse(raw);
        assertThat(first(mail).text()).contains("storpdfkvittering");
        assertThat(first(mail).size()).isEqualTo(pdf.length);
    }

    /** A PDF page with a line of text and a large image that does not compress, like a scan. */
    private static byte[] largePdf(String word, int imageBytes) throws Exception {
        byte[] noise = new byte[imageBytes];
        new Random(7).nextBytes(noise);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(imageBytes + 100_000)) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDStream stream = new PDStream(document);
            try (var os = stream.createOutputStream()) {
                os.write(noise);
            }
            int side = (int) Math.sqrt(imageBytes / 3.0);
            PDImageXObject image = new PDImageXObject(stream, null);
            image.setWidth(side);
            image.setHeight(side);
            image.setBitsPerComponent(8);
            image.setColorSpace(PDDeviceRGB.INSTANCE);
            image.getCOSObject().setItem(COSName.SUBTYPE, COSName.IMAGE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, 100, 100);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Kvittering for betaling: " + word);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
