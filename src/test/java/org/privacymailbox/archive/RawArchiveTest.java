package org.privacymailbox.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawArchiveTest {

    @Test
    void storedMailIsReadBackByteForByteUnderItsSha256(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: test\r\n\r\nbody æøå\r\n".getBytes(StandardCharsets.UTF_8);
        ArchivedMail stored = archive.store(raw);
        assertThat(stored.sha256()).hasSize(64).isEqualTo(RawArchive.sha256(raw));
        assertThat(new RawArchive(dir).read(stored.sha256()).orElseThrow().raw()).isEqualTo(raw);
    }

    @Test
    void storingTheSameMailTwiceKeepsOneCopy(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: x\r\n\r\ny".getBytes(StandardCharsets.US_ASCII);
        assertThat(archive.store(raw)).isEqualTo(archive.store(raw));
        try (var files = java.nio.file.Files.walk(dir)) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void aReceivedMailIsNamedAtOnceAndOnDiskOnlyOnceStored(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: modtaget\r\n\r\nindhold\r\n".getBytes(StandardCharsets.US_ASCII);
        ArchivedMail received = archive.received(raw);
        assertThat(received.sha256()).isEqualTo(RawArchive.sha256(raw));
        assertThat(archive.contains(received.sha256())).isFalse();

        archive.storeReceived(received);
        assertThat(new RawArchive(dir).read(received.sha256()).orElseThrow().raw()).isEqualTo(raw);
    }

    @Test
    void aNameThatIsNotAHashReadsNothing(@TempDir Path dir) throws Exception {
        assertThat(new RawArchive(dir).read("../../etc/passwd")).isEmpty();
    }
}
