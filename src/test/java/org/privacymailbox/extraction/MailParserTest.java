package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser(new SizeLimitedTextExtractor(new TikaTextExtractor(100_000), 1000));

    @Test
    void htmlOnlyMailBecomesTextWithoutScripts() throws Exception {
        ParsedMail mail = parser.parse(("From: a@example.dk\r\nSubject: =?utf-8?q?K=C3=B8b?=\r\nMessage-ID: <h@x>\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><head><script>alert('x')</script><style>p{}</style></head>"
                + "<body><p>Jeg har betalt <b>fakturaen</b>.</p></body></html>\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(mail.subject()).isEqualTo("Køb");
        assertThat(mail.body()).contains("Jeg har betalt fakturaen.").doesNotContain("alert").doesNotContain("<");
    }

    @Test
    void latin1LabelledMailIsReadAsWindows1252() throws Exception {
        byte[] raw = ("From: a@example.dk\r\nSubject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nPris 100 \u20ac, tak\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(raw).body()).isEqualTo("Pris 100 €, tak");
    }

    @Test
    void plainTextIsPreferredInAlternativeAndAttachmentsAreRead() throws Exception {
        String raw = "From: a@example.dk\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n"
                + "--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n"
                + "--i\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain words\r\n"
                + "--i\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html words</p>\r\n--i--\r\n"
                + "--o\r\nContent-Type: text/plain; name=note.txt\r\nContent-Disposition: attachment; filename=note.txt\r\n\r\nattached words\r\n"
                + "--o--\r\n";
        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.body()).isEqualTo("plain words");
        assertThat(mail.attachmentNames()).containsExactly("note.txt");
        assertThat(mail.attachmentText()).contains("attached words");
    }

    @Test
    void attachmentAboveTheSizeLimitIsRecordedNotRead() throws Exception {
        String big = "x".repeat(2000);
        String raw = "From: a@example.dk\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n"
                + "--o\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
                + "--o\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n\r\n" + big + "\r\n"
                + "--o--\r\n";
        Attachment attachment = parser.parse(raw.getBytes(StandardCharsets.UTF_8)).attachments().get(0);
        assertThat(attachment.text()).isEmpty();
        assertThat(attachment.note()).contains("exceeds the attachment limit");
    }
}
