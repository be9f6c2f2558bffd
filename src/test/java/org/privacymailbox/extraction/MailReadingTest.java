package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;

/** How real mail is read: each test is one thing a mail client out there gets wrong or does differently. */
class MailReadingTest {

    private final MailParser parser = new MailParser(new TikaTextExtractor(200_000, 5, 100, TikaTextExtractor.Ocr.off()));

    private static final String HEAD = "From: Kirsten Madsen <kirsten@example.dk>\r\nTo: privacy@example.com\r\nMessage-ID: <t@example.dk>\r\n"
            + "MIME-Version: 1.0\r\n";

    private ParsedMail read(String raw) throws Exception {
        return parser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private ParsedMail read(byte[] raw) throws Exception {
        return parser.parse(raw);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static String multipart(String type, String boundary, String... parts) {
        StringBuilder raw = new StringBuilder("Content-Type: " + type + "; boundary=\"" + boundary + "\"\r\n\r\n");
        for (String part : parts) {
            raw.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        return raw.append("--").append(boundary).append("--\r\n").toString();
    }

    private static String attachmentPart(String name, String type, byte[] content) {
        return "Content-Type: " + type + "; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Attachments.base64Lines(content);
    }

    private static Attachment attachment(ParsedMail mail, String name) {
        return mail.attachments().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + name + " in " + mail.attachments()));
    }

    @Test
    void latin1TextLabelledUtf8IsRepaired() throws Exception {
        byte[] raw = bytes(HEAD + "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKære kunde, slet mine oplysninger på én gang.\r\n",
                StandardCharsets.ISO_8859_1);
        assertThat(read(raw).body()).isEqualTo("Kære kunde, slet mine oplysninger på én gang.");
    }

    @Test
    void unlabelledUtf8IsRecognised() throws Exception {
        byte[] raw = bytes(HEAD + "Subject: x\r\nContent-Type: text/plain\r\n\r\nHälsningar från Malmö\r\n", StandardCharsets.UTF_8);
        assertThat(read(raw).body()).isEqualTo("Hälsningar från Malmö");
    }

    @Test
    void unknownCharsetNameFallsBackToDetection() throws Exception {
        byte[] raw = bytes(HEAD + "Subject: x\r\nContent-Type: text/plain; charset=x-user-defined-nordic\r\n\r\n"
                + "Jeg ønsker indsigt i de oplysninger, I har om mig. Venlig hilsen Søren Ærø\r\n", Charset.forName("windows-1252"));
        assertThat(read(raw).body()).contains("ønsker indsigt", "Søren Ærø");
    }

    @Test
    void longUnlabelledWindows1252TextIsReadToItsEnd() throws Exception {
        String paragraph = "Jeg ønsker indsigt i de oplysninger, I har om mig, og at I sletter dem bagefter. Venlig hilsen Søren Ærø\r\n";
        String text = paragraph.repeat(2000) + "Sidste linje: æble, øl og ål\r\n";
        byte[] raw = bytes(HEAD + "Subject: x\r\nContent-Type: text/plain\r\n\r\n" + text, Charset.forName("windows-1252"));
        assertThat(read(raw).body()).startsWith("Jeg ønsker indsigt").endsWith("Sidste linje: æble, øl og ål");
    }

    @Test
    void encodedWordsSplitInsideACharacterAreJoined() throws Exception {
        // "Spørgsmål" in UTF-8, its ø split between two encoded words
        ParsedMail mail = read(HEAD + "Subject: =?UTF-8?Q?Sp=C3?= =?UTF-8?Q?=B8rgsm=C3=A5l?=\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        assertThat(mail.subject()).isEqualTo("Spørgsmål");
    }

    @Test
    void brokenEncodedWordsAreStillDecoded() throws Exception {
        assertThat(read(HEAD + "Subject: =?utf-8?Q?Sletning_af_data?= og =?iso-8859-1?q?K=E6re\r\n\r\nx\r\n").subject())
                .isEqualTo("Sletning af data og Kære");
        assertThat(read(HEAD + "Subject: =?unknown-8bit?B?SMOkbHNuaW5nYXI=?=\r\n\r\nx\r\n").subject()).isEqualTo("Hälsningar");
        assertThat(read(HEAD + "Subject: =?UTF-8?B?SMOkbHNuaW5nYXI?=\r\n\r\nx\r\n").subject()).as("missing padding").isEqualTo("Hälsningar");
    }

    @Test
    void raw8BitHeadersAreReadAsUtf8OrWindows1252() throws Exception {
        byte[] utf8 = bytes("From: Åsa Ström <asa@example.se>\r\nSubject: Fråga om räkning\r\n\r\nx\r\n", StandardCharsets.UTF_8);
        ParsedMail swedish = read(utf8);
        assertThat(swedish.subject()).isEqualTo("Fråga om räkning");
        assertThat(swedish.fromName()).isEqualTo("Åsa Ström");
        byte[] latin = bytes("From: a@example.dk\r\nSubject: Kære DPO – hjælp\r\n\r\nx\r\n", Charset.forName("windows-1252"));
        assertThat(read(latin).subject()).isEqualTo("Kære DPO – hjælp");
    }

    @Test
    void rfc2231FileNamesAreDecoded() throws Exception {
        String raw = HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "b",
                "Content-Type: text/plain\r\n\r\nse vedhæftet",
                "Content-Type: text/plain\r\nContent-Disposition: attachment; filename*=UTF-8''kvittering%20%C3%A6%C3%B8%C3%A5.txt\r\n\r\nkvitteringstekst",
                "Content-Type: text/plain\r\nContent-Disposition: attachment;\r\n filename*0*=UTF-8''l%C3%A6ngere%20navn%20;\r\n filename*1*=del%20to.txt\r\n\r\nandet");
        ParsedMail mail = read(raw);
        assertThat(mail.attachmentNames()).containsExactly("kvittering æøå.txt", "længere navn del to.txt");
        assertThat(mail.attachmentText()).contains("kvitteringstekst");
    }

    @Test
    void uuencodedFileInTheBodyBecomesAnAttachment() throws Exception {
        // "uuencoded kvittering 4711\n" uuencoded by hand
        String raw = HEAD + "Subject: x\r\nContent-Type: text/plain\r\n\r\nHer er kvitteringen.\r\n\r\n"
                + "begin 644 kvittering.txt\r\n" + uuencode("uuencoded kvittering 4711\n") + "`\r\nend\r\n\r\nMvh Kirsten\r\n";
        ParsedMail mail = read(raw);
        assertThat(mail.body()).contains("Her er kvitteringen.", "Mvh Kirsten").doesNotContain("begin 644");
        assertThat(attachment(mail, "kvittering.txt").text()).contains("uuencoded kvittering 4711");
    }

    private static String uuencode(String text) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < data.length; offset += 45) {
            int length = Math.min(45, data.length - offset);
            out.append((char) (32 + length));
            for (int i = offset; i < offset + length; i += 3) {
                int b0 = data[i] & 0xff;
                int b1 = i + 1 < offset + length ? data[i + 1] & 0xff : 0;
                int b2 = i + 2 < offset + length ? data[i + 2] & 0xff : 0;
                for (int c : new int[] {b0 >> 2, (b0 << 4 | b1 >> 4) & 63, (b1 << 2 | b2 >> 6) & 63, b2 & 63}) {
                    out.append(c == 0 ? '`' : (char) (32 + c));
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    @Test
    void flowedLinesAreJoinedIntoTheirSentences() throws Exception {
        String flowed = HEAD + "Subject: x\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
                + "Jeg vil gerne have slettet alle mine \r\noplysninger hos jer. \r\nTak.\r\n\r\n> citeret \r\n> linje\r\n";
        assertThat(read(flowed.getBytes(StandardCharsets.UTF_8)).body())
                .isEqualTo("Jeg vil gerne have slettet alle mine oplysninger hos jer. Tak.\n\n> citeret linje");
        String deleteSpace = HEAD + "Subject: x\r\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\n\r\n"
                + "Slet mine op \r\nlysninger.\r\n";
        assertThat(read(deleteSpace.getBytes(StandardCharsets.UTF_8)).body()).isEqualTo("Slet mine oplysninger.");
    }

    @Test
    void forwardedMailsAreReadWithTheirOwnHeadersAlsoWhenNested() throws Exception {
        String innermost = "From: Faktura <faktura@shop.example>\r\nSubject: Din faktura 88123\r\nMessage-ID: <inner@shop.example>\r\n\r\n"
                + "Beløb 499 kr, forfalden 1. april.\r\n";
        String middle = "From: Ole <ole@example.dk>\r\nSubject: Fwd: Din faktura 88123\r\nMessage-ID: <middle@example.dk>\r\nMIME-Version: 1.0\r\n"
                + multipart("multipart/mixed", "m", "Content-Type: text/plain\r\n\r\nSe nedenfor", "Content-Type: message/rfc822\r\n\r\n" + innermost);
        String raw = HEAD + "Subject: Fwd: Fwd: faktura\r\n" + multipart("multipart/mixed", "o",
                "Content-Type: text/plain\r\n\r\nJeg forstår ikke denne faktura.",
                "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"videresendt.eml\"\r\n\r\n" + middle);
        ParsedMail mail = read(raw);
        assertThat(mail.body()).isEqualTo("Jeg forstår ikke denne faktura.");
        assertThat(mail.forwarded()).hasSize(1);
        ParsedMail forwarded = mail.forwarded().get(0);
        assertThat(forwarded.messageId()).isEqualTo("<middle@example.dk>");
        assertThat(forwarded.fromAddress()).isEqualTo("ole@example.dk");
        assertThat(forwarded.forwarded()).singleElement().satisfies(inner -> {
            assertThat(inner.subject()).isEqualTo("Din faktura 88123");
            assertThat(inner.body()).contains("Beløb 499 kr");
        });
        assertThat(attachment(mail, "videresendt.eml").note()).contains("forwarded mail");
    }

    @Test
    void deliveryReportIsRecognisedAndItsStatusRead() throws Exception {
        String raw = "From: Mail Delivery System <MAILER-DAEMON@mx.example.dk>\r\nTo: privacy@example.com\r\nSubject: Undelivered Mail\r\n"
                + "MIME-Version: 1.0\r\n" + multipart("multipart/report; report-type=delivery-status", "r",
                "Content-Type: text/plain\r\n\r\nThe mail could not be delivered.",
                "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.dk\r\n\r\nFinal-Recipient: rfc822; gone@example.dk\r\nAction: failed\r\nStatus: 5.1.1\r\n",
                "Content-Type: message/rfc822\r\n\r\nFrom: privacy@example.com\r\nSubject: [DPO-2024-000001] Vi har modtaget\r\n\r\nTak\r\n");
        ParsedMail mail = read(raw);
        assertThat(mail.contentType()).isEqualTo("multipart/report");
        assertThat(mail.notes()).contains("delivery or read report");
        assertThat(attachment(mail, "delivery-status").text()).contains("Status: 5.1.1");
        assertThat(mail.forwarded()).singleElement().extracting(ParsedMail::subject).isEqualTo("[DPO-2024-000001] Vi har modtaget");
    }

    @Test
    void winmailDatIsUnpackedIntoItsAttachments() throws Exception {
        byte[] tnef;
        try (InputStream in = getClass().getResourceAsStream("/test-documents/testWINMAIL.dat")) {
            tnef = in.readAllBytes();
        }
        ParsedMail mail = read(HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "w", "Content-Type: text/plain\r\n\r\nvedhæftet",
                attachmentPart("winmail.dat", "application/ms-tnef", tnef)));
        List<String> names = mail.attachmentNames();
        assertThat(names).contains("winmail.dat");
        assertThat(names.stream().filter(n -> n.startsWith("winmail.dat/")).toList()).as("files inside winmail.dat").isNotEmpty();
    }

    @Test
    void outlookMsgAttachmentIsRead() throws Exception {
        byte[] msg;
        try (InputStream in = getClass().getResourceAsStream("/test-documents/testMSG.msg")) {
            msg = in.readAllBytes();
        }
        ParsedMail mail = read(HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "w", "Content-Type: text/plain\r\n\r\nse vedhæftet",
                attachmentPart("besked.msg", "application/vnd.ms-outlook", msg)));
        assertThat(attachment(mail, "besked.msg").text()).isNotBlank();
        assertThat(attachment(mail, "besked.msg").note()).isEmpty();
    }

    @Test
    void smimeSignedMailIsReadNormally() throws Exception {
        String raw = HEAD + "Subject: signed\r\n" + multipart("multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256", "s",
                "Content-Type: text/plain; charset=utf-8\r\n\r\nSlet venligst min konto.",
                "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Disposition: attachment; filename=smime.p7s\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==");
        ParsedMail mail = read(raw);
        assertThat(mail.body()).isEqualTo("Slet venligst min konto.");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.notes()).contains("signed (S/MIME)");
    }

    @Test
    void opaqueSmimeSignedMailIsUnwrappedAndRead() throws Exception {
        byte[] inner = "Content-Type: text/plain; charset=utf-8\r\n\r\nJag begär registerutdrag.\r\n".getBytes(StandardCharsets.UTF_8);
        // a signed-data structure that carries the mail inside it (no signer needed to test the unwrapping)
        byte[] cms = new CMSSignedDataGenerator()
                .generate(new CMSProcessableByteArray(inner), true).getEncoded();
        ParsedMail mail = read(HEAD + "Subject: signed\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Attachments.base64Lines(cms) + "\r\n");
        assertThat(mail.body()).isEqualTo("Jag begär registerutdrag.");
        assertThat(mail.notes()).contains("signed (S/MIME)");
    }

    @Test
    void pgpInlineSignedMailIsReadWithoutItsArmour() throws Exception {
        String raw = HEAD + "Subject: signed\r\nContent-Type: text/plain\r\n\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n\r\n"
                + "Please delete my account.\r\n- -- \r\nJohn\r\n-----BEGIN PGP SIGNATURE-----\r\n\r\niQEzBAEBCAAdFiEE\r\n=abcd\r\n-----END PGP SIGNATURE-----\r\n";
        ParsedMail mail = read(raw);
        assertThat(mail.body()).startsWith("Please delete my account.").doesNotContain("PGP", "iQEzBAEBCAAdFiEE");
        assertThat(mail.ownText()).isEqualTo("Please delete my account.");
        assertThat(mail.notes()).contains("signed (PGP)");
    }

    @Test
    void encryptedMailIsRecordedAsEncrypted() throws Exception {
        ParsedMail smime = read(HEAD + "Subject: secret\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\r\n");
        assertThat(smime.encrypted()).isTrue();
        assertThat(smime.notes()).contains("encrypted (S/MIME): the content cannot be read");
        ParsedMail pgp = read(HEAD + "Subject: secret\r\n" + multipart("multipart/encrypted; protocol=\"application/pgp-encrypted\"", "e",
                "Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1",
                "Content-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA\r\n-----END PGP MESSAGE-----"));
        assertThat(pgp.encrypted()).isTrue();
        assertThat(pgp.body()).isEmpty();
    }

    @Test
    void imagesShownInTheHtmlBodyAreNotReadAsText() throws Exception {
        String raw = HEAD + "Subject: x\r\n" + multipart("multipart/related", "r",
                "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hvorfor er min regning steget?</p><img src=\"cid:logo@x\">",
                "Content-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Disposition: inline; filename=logo.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Attachments.base64Lines(Attachments.png("LOGO")));
        ParsedMail mail = read(raw);
        assertThat(mail.body()).isEqualTo("Hvorfor er min regning steget?");
        assertThat(attachment(mail, "logo.png").note()).isEqualTo("inline image, not read");
        assertThat(mail.attachmentText()).isEmpty();
    }

    @Test
    void htmlOnlyMailKeepsWhatAReaderSeesAndDropsHiddenText() throws Exception {
        String html = "<html><head><title>t</title><style>.x{}</style><script>var secret='injected';</script></head><body>"
                + "<div style=\"display:none\">preheader faktura faktura faktura</div>"
                + "<span style=\"font-size:0px\">skjult tekst</span><p hidden>mere skjult</p>"
                + "<p>Jeg vil have <b>indsigt</b> i mine data.</p><p>Hilsen<br>Kirsten</p></body></html>";
        ParsedMail mail = read((HEAD + "Subject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).getBytes(StandardCharsets.UTF_8));
        assertThat(mail.body()).isEqualTo("Jeg vil have indsigt i mine data.\nHilsen\nKirsten");
    }

    @Test
    void officeOpenDocumentRtfHtmlAndTextAttachmentsAreRead() throws Exception {
        String raw = HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "a",
                "Content-Type: text/plain\r\n\r\nbilag",
                attachmentPart("formular.docx", "application/octet-stream", Attachments.docx("docxord blanket")),
                attachmentPart("betalinger.xlsx", "application/octet-stream", Attachments.xlsx("xlsxord betaling")),
                attachmentPart("brev.odt", "application/octet-stream", Attachments.odt("odtord brev")),
                attachmentPart("brev.rtf", "application/rtf", "{\\rtf1\\ansi rtford brev\\par}".getBytes(StandardCharsets.US_ASCII)),
                attachmentPart("side.html", "text/html", "<html><body><p>htmlord side</p></body></html>".getBytes(StandardCharsets.UTF_8)),
                attachmentPart("noter.txt", "text/plain", "txtord noter".getBytes(StandardCharsets.UTF_8)),
                attachmentPart("kvittering.pdf", "application/pdf", Attachments.pdf("pdford kvittering")));
        ParsedMail mail = read(raw);
        assertThat(attachment(mail, "formular.docx").text()).contains("docxord");
        assertThat(attachment(mail, "betalinger.xlsx").text()).contains("xlsxord");
        assertThat(attachment(mail, "brev.odt").text()).contains("odtord");
        assertThat(attachment(mail, "brev.rtf").text()).contains("rtford");
        assertThat(attachment(mail, "side.html").text()).contains("htmlord");
        assertThat(attachment(mail, "noter.txt").text()).contains("txtord");
        assertThat(attachment(mail, "kvittering.pdf").text()).contains("pdford");
    }

    @Test
    void zipFilesAreReadRecursivelyWithEachFileListed() throws Exception {
        byte[] inner = Attachments.zip("dybt/kvittering.txt", "zipord inderst".getBytes(StandardCharsets.UTF_8));
        byte[] outer = Attachments.zip("brev.docx", Attachments.docx("zipord docx"), "mere.zip", inner);
        ParsedMail mail = read(HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "z", "Content-Type: text/plain\r\n\r\nbilag",
                attachmentPart("bilag.zip", "application/zip", outer)));
        assertThat(attachment(mail, "bilag.zip/brev.docx").text()).contains("zipord docx");
        assertThat(attachment(mail, "bilag.zip/mere.zip/dybt/kvittering.txt").text()).contains("zipord inderst");
    }

    @Test
    void passwordProtectedFilesAreRecordedAsEncryptedWithTheirNames() throws Exception {
        byte[] zip = Attachments.markedEncrypted(Attachments.zip("hemmelig.txt", "zipsecret".getBytes(StandardCharsets.UTF_8)));
        ParsedMail mail = read(HEAD + "Subject: x\r\n" + multipart("multipart/mixed", "e", "Content-Type: text/plain\r\n\r\nkodeord følger",
                attachmentPart("kontoudtog.pdf", "application/pdf", Attachments.pdf("pdfsecret", "kode")),
                attachmentPart("skema.docx", "application/octet-stream", Attachments.encryptedOffice(Attachments.docx("docxsecret"), "kode")),
                attachmentPart("pakke.zip", "application/zip", zip)));
        assertThat(attachment(mail, "kontoudtog.pdf").note()).isEqualTo("not read: encrypted");
        assertThat(attachment(mail, "skema.docx").note()).isEqualTo("not read: encrypted");
        assertThat(mail.allNotes()).anySatisfy(note -> assertThat(note).startsWith("pakke.zip").contains("encrypted"));
        assertThat(mail.attachmentText()).doesNotContain("pdfsecret", "docxsecret", "zipsecret");
    }
}
