package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.ServiceProcess;

/** A company's export of old mail has large attachments: the import must take them in a heap of ordinary size. */
class LargeMailImportTest {

    private static final int MAILS = 16;
    private static final int ATTACHMENT_BYTES = 8 * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void sixteenMailsWithEightMegabyteAttachmentsAreImportedInA192MegabyteHeap() throws Exception {
        Path mails = Files.createDirectories(work.resolve("mails"));
        Random random = new Random(7);
        byte[] attachment = new byte[ATTACHMENT_BYTES];
        for (int i = 0; i < MAILS; i++) {
            random.nextBytes(attachment);
            writeMail(mails.resolve(i + ".eml"), i, attachment);
        }
        List<String> command = new ArrayList<>(ServiceProcess.command(ServiceProcess.currentJava(),
                List.of("import", mails.toString(), "--privacy-mailbox.data-dir=" + work.resolve("data"))));
        command.set(command.indexOf("-Xmx512m"), "-Xmx192m");
        Path log = work.resolve("import.log");
        Process importing = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(importing.waitFor(5, TimeUnit.MINUTES)).isTrue();

        String output = Files.readString(log);
        assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("mail quarantined");
        assertThat(output).contains(MAILS + " read, " + MAILS + " indexed, 0 skipped (already imported), 0 quarantined, 0 failed");
        assertThat(importing.exitValue()).isZero();
    }

    private static void writeMail(Path file, int number, byte[] attachment) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("From: kunde" + number + "@example.dk\r\nTo: nordic.dataprivacy@example.com\r\nMessage-ID: <large-" + number
                    + "@example.dk>\r\nSubject: Mine bilag\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej, her er mine lønsedler som bilag.\r\n--b\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"bilag" + number + ".bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(Base64.getMimeEncoder().encode(attachment));
            out.write("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
