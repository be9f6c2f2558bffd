package org.privacymailbox.extraction;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.privacymailbox.TestMail;

/** Builds the attachments customers send, in code, so that every test file is visible and small. */
final class Attachments {

    private Attachments() {
    }

    static byte[] pdf(String text) throws IOException {
        return TestMail.pdf(text);
    }

    static byte[] pdf(String text, String userPassword) throws IOException {
        return TestMail.pdf(text, userPassword);
    }

    static byte[] docx(String text) throws IOException {
        return TestMail.docx(text);
    }

    static byte[] xlsx(String cell) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Betalinger").createRow(0).createCell(0).setCellValue(cell);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** An OOXML file encrypted with a password, as Office writes it (agile encryption in an OLE2 container). */
    static byte[] encryptedOffice(byte[] ooxml, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(ooxml);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static byte[] odt(String text) throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
        return zip("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII),
                "content.xml", content.getBytes(StandardCharsets.UTF_8),
                "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
    }

    /** Pairs of entry name and content. */
    static byte[] zip(Object... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Marks every entry of a zip as encrypted (general purpose flag bit 0), as a password-protected zip has it. The
     * content stays as it was: what is tested is that a reader sees the flag and does not try.
     */
    static byte[] markedEncrypted(byte[] zip) {
        byte[] copy = zip.clone();
        for (int i = 0; i + 4 < copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 3 && copy[i + 3] == 4) {
                copy[i + 6] |= 1; // local file header
            } else if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                copy[i + 8] |= 1; // central directory header
            }
        }
        return copy;
    }

    /** A photo of one line of text, as a receipt's total. */
    static byte[] png(String text) throws IOException {
        return png(900, 160, 56, 30, List.of(text));
    }

    /** A scanned page full of lines: Tesseract reads it for seconds. */
    static byte[] pageOfLines(List<String> lines) throws IOException {
        return png(2400, 100 + 50 * lines.size(), 40, 80, lines);
    }

    private static byte[] png(int width, int height, int fontSize, int left, List<String> lines) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        for (int line = 0; line < lines.size(); line++) {
            graphics.drawString(lines.get(line), left, 100 + line * 50);
        }
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A mail from a Danish customer with {@code png} attached as IMG_2041.png. */
    static byte[] mailWithImage(String subject, String body, byte[] png) {
        return ("From: a@example.dk\r\nMessage-ID: <o@example.dk>\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n"
                + "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"IMG_2041.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(png) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String base64Lines(byte[] content) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content);
    }
}
