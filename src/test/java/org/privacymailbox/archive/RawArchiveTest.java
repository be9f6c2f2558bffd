package org.privacymailbox.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.storage.Checkpoint;
import org.privacymailbox.storage.Sha256;

class RawArchiveTest {

    @Test
    void storedMailIsReadBackByteForByteUnderItsSha256(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: test\r\n\r\nbody æøå\r\n".getBytes(StandardCharsets.UTF_8);
        ArchivedMail stored = archive.store(raw);
        assertThat(stored.sha256()).hasSize(64).isEqualTo(Sha256.hex(raw));
        assertThat(new RawArchive(dir).read(stored.sha256()).orElseThrow().raw()).isEqualTo(raw);
    }

    @Test
    void storingTheSameMailTwiceKeepsOneCopy(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: x\r\n\r\ny".getBytes(StandardCharsets.US_ASCII);
        assertThat(archive.store(raw)).isEqualTo(archive.store(raw));
        try (var files = java.nio.file.Files.walk(dir)) {
            assertThat(files.filter(file -> file.toString().endsWith(".eml")).count()).isEqualTo(1);
        }
    }

    @Test
    void aReceivedMailIsNamedAtOnceAndOnDiskOnlyOnceStored(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: modtaget\r\n\r\nindhold\r\n".getBytes(StandardCharsets.US_ASCII);
        ArchivedMail received = archive.received(raw);
        assertThat(received.sha256()).isEqualTo(Sha256.hex(raw));
        assertThat(archive.contains(received.sha256())).isFalse();

        archive.storeReceived(received);
        assertThat(new RawArchive(dir).read(received.sha256()).orElseThrow().raw()).isEqualTo(raw);
    }

    @Test
    void archivedMailIsReadableByTheServiceAlone(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        RawArchive archive = new RawArchive(dir);
        ArchivedMail stored = archive.store("Subject: CPR\r\n\r\n010190-1234\r\n".getBytes(StandardCharsets.US_ASCII));

        Path file;
        try (var files = Files.walk(dir)) {
            file = files.filter(path -> path.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        assertThat(file.getFileName().toString()).isEqualTo(stored.sha256() + ".eml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aTemporaryFileLeftByACrashUnderTheSameNameIsSteppedOver(@TempDir Path dir) throws Exception {
        RawArchive archive = new RawArchive(dir);
        byte[] raw = "Subject: efter nedbrud\r\n\r\nhej\r\n".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.hex(raw);
        Path directory = dir.resolve(sha256.substring(0, 2));
        Files.createDirectories(directory);
        // a restarted container has the same process id, and the numbering starts again
        Files.writeString(directory.resolve(RawArchive.temporaryName(sha256, 1)), "half a mail");
        Files.writeString(directory.resolve(RawArchive.temporaryName(sha256, 2)), "half a mail");

        archive.store(raw);

        assertThat(new RawArchive(dir).read(sha256).orElseThrow().raw()).isEqualTo(raw);
        assertThat(Files.readString(directory.resolve(RawArchive.temporaryName(sha256, 1)))).isEqualTo("half a mail");
    }

    @Test
    void mailArchivedTwoDirectoriesDeepByEarlierVersionsIsReadFoundListedAndErased(@TempDir Path dir) throws Exception {
        byte[] raw = "Subject: fra 2025\r\n\r\ngammel\r\n".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.hex(raw);
        Path earlier = dir.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".eml");
        Files.createDirectories(earlier.getParent());
        Files.write(earlier, raw);
        RawArchive archive = new RawArchive(dir);

        assertThat(archive.read(sha256).orElseThrow().raw()).isEqualTo(raw);
        assertThat(archive.contains(sha256)).isTrue();
        archive.store(raw);
        assertThat(archive.list()).containsExactly(sha256);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(earlier);
        }

        assertThat(archive.delete(sha256)).isTrue();
        assertThat(archive.read(sha256)).isEmpty();
        assertThat(archive.contains(sha256)).isFalse();
    }

    @Test
    void anArchiveBegunEmptyLooksForMailOnlyWhereItStoresIt(@TempDir Path dir) throws Exception {
        RawArchive begun = new RawArchive(dir.resolve("archive"));
        byte[] raw = "Subject: ny\r\n\r\nny\r\n".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.hex(raw);
        Path twoDeep = dir.resolve("archive").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".eml");
        Files.createDirectories(twoDeep.getParent());
        Files.write(twoDeep, raw);

        RawArchive reopened = new RawArchive(dir.resolve("archive"));
        assertThat(begun.contains(sha256)).isFalse();
        assertThat(reopened.contains(sha256)).isFalse();
        reopened.store(raw);
        assertThat(reopened.contains(sha256)).isTrue();
        assertThat(reopened.list()).containsExactly(sha256);
    }

    @Test
    void aNameThatIsNotAHashReadsNothing(@TempDir Path dir) throws Exception {
        assertThat(new RawArchive(dir).read("../../etc/passwd")).isEmpty();
    }

    @Test
    void mailStoredForACheckpointIsReadAtOnceAndAMailErasedBeforeItDoesNotStopTheCheckpoint(@TempDir Path dir) throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        RawArchive archive = new RawArchive(dir, checkpoint);
        byte[] kept = "Subject: kept\r\n\r\nindhold\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] erased = "Subject: erased\r\n\r\nslet mig\r\n".getBytes(StandardCharsets.US_ASCII);
        ArchivedMail stored = archive.store(kept);
        assertThat(archive.read(stored.sha256()).orElseThrow().raw()).as("readable before the checkpoint").isEqualTo(kept);
        assertThat(archive.delete(archive.store(erased).sha256())).isTrue();

        checkpoint.makeDurable();

        assertThat(new RawArchive(dir).read(stored.sha256()).orElseThrow().raw()).isEqualTo(kept);
        assertThat(archive.contains(Sha256.hex(erased))).isFalse();
    }

    @Test
    void aCopyCutShortByACrashBeforeTheCheckpointIsWrittenWholeByTheNextImport(@TempDir Path dir) throws Exception {
        byte[] raw = "Subject: afbrudt import\r\n\r\nhele brevet\r\n".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.hex(raw);
        Path directory = dir.resolve(sha256.substring(0, 2));
        Files.createDirectories(directory);
        // the name reached the disk before the checkpoint, half the bytes did not
        Files.write(directory.resolve(sha256 + ".eml"), java.util.Arrays.copyOf(raw, raw.length / 2));
        Checkpoint checkpoint = new Checkpoint();
        RawArchive archive = new RawArchive(dir, checkpoint);

        archive.store(raw);
        checkpoint.makeDurable();

        assertThat(new RawArchive(dir).read(sha256).orElseThrow().raw()).isEqualTo(raw);
        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(sha256 + ".eml");
        }
    }

    @Test
    void mailStoredTwiceForACheckpointKeepsOneWholeCopyReadableByTheServiceAlone(@TempDir Path dir) throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        RawArchive archive = new RawArchive(dir, checkpoint);
        byte[] raw = "Subject: to gange\r\n\r\n010190-1234\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(archive.store(raw)).isEqualTo(archive.store(raw));
        checkpoint.makeDurable();

        Path file;
        try (var files = Files.walk(dir)) {
            List<Path> stored = files.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().startsWith(".")).toList();
            assertThat(stored).hasSize(1);
            file = stored.get(0);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(raw);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void mailStoredForAFileSystemCheckpointIsReadAtOnceAndKeptAfterIt(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "sync -f is Linux's");
        Checkpoint checkpoint = new Checkpoint();
        RawArchive archive = new RawArchive(dir.resolve("archive"), checkpoint, CheckpointSync.FILE_SYSTEM);
        byte[] raw = "Subject: arkiv\r\n\r\nindhold\r\n".getBytes(StandardCharsets.US_ASCII);
        ArchivedMail stored = archive.store(raw);
        assertThat(archive.read(stored.sha256()).orElseThrow().raw()).as("readable before the checkpoint").isEqualTo(raw);

        checkpoint.makeDurable();

        assertThat(new RawArchive(dir.resolve("archive")).read(stored.sha256()).orElseThrow().raw()).isEqualTo(raw);
    }

    @Test
    void aCheckpointThatCannotSyncTheArchivesFileSystemFailsAndSaysWhy(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "sync -f is Linux's");
        Checkpoint checkpoint = new Checkpoint();
        Path root = dir.resolve("archive");
        RawArchive archive = new RawArchive(root, checkpoint, CheckpointSync.FILE_SYSTEM);
        archive.store("Subject: tabt\r\n\r\nindhold\r\n".getBytes(StandardCharsets.US_ASCII));
        // the volume went away under the import: sync -f has nothing to open
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        assertThatThrownBy(checkpoint::makeDurable).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("sync -f " + root);
    }
}
