package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSourcesTest {

    private static final String MAIL = "From: kunde@example.dk\r\nSubject: Indsigt\r\n\r\nHej\r\n";

    @TempDir
    Path directory;

    @Test
    void aDirectoryIsReadInOrderWithItsMailOnlyAndItsBytesCountedOnce() throws Exception {
        Path mailbox = Files.createDirectories(directory.resolve("box"));
        Files.writeString(mailbox.resolve("b.eml"), MAIL + "b", StandardCharsets.US_ASCII);
        Files.writeString(mailbox.resolve("a.eml"), MAIL + "a", StandardCharsets.US_ASCII);
        Files.writeString(mailbox.resolve("README"), "Not mail, just notes", StandardCharsets.US_ASCII);

        MailSources sources = MailSources.of(List.of(mailbox));
        List<String> read = new ArrayList<>();
        sources.forEach(mail -> read.add(new String(mail.raw(), StandardCharsets.US_ASCII)));

        assertThat(read).containsExactly(MAIL + "a", MAIL + "b");
        assertThat(sources.notMail()).containsExactly(mailbox.resolve("README").toString());
        long listed = 2L * (MAIL.length() + 1) + "Not mail, just notes".length();
        assertThat(sources.totalBytes()).isEqualTo(listed);
        assertThat(sources.bytesRead()).isEqualTo(listed);
    }

    @Test
    void aLinkToAMailFileIsReadAndALinkToADirectoryIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(directory.resolve("elsewhere"));
        Path linkedMail = Files.writeString(elsewhere.resolve("linked.eml"), MAIL + "linked", StandardCharsets.US_ASCII);
        Path mailbox = Files.createDirectories(directory.resolve("box"));
        Files.createSymbolicLink(mailbox.resolve("link.eml"), linkedMail);
        Files.createSymbolicLink(mailbox.resolve("folder"), elsewhere);

        MailSources sources = MailSources.of(List.of(mailbox));
        List<String> read = new ArrayList<>();
        sources.forEach(mail -> read.add(new String(mail.raw(), StandardCharsets.US_ASCII)));

        assertThat(read).containsExactly(MAIL + "linked");
        assertThat(sources.totalBytes()).isEqualTo(MAIL.length() + "linked".length());
    }
}
