package org.privacymailbox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSyncTest {

    @Test
    void theFileSystemOfAnExistingDirectoryIsSynced(@TempDir Path dir) throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "sync -f is Linux's");
        assertThat(FileSystemSync.of(dir)).isPresent().get().satisfies(sync -> sync.run());
    }

    @Test
    void aDirectoryThatDoesNotExistOffersNoSync(@TempDir Path dir) {
        assertThat(FileSystemSync.of(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aSyncThatFailsLaterSaysWhichDirectoryAndWhy(@TempDir Path dir) throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "sync -f is Linux's");
        Path volume = Files.createDirectory(dir.resolve("volume"));
        FileSystemSync sync = FileSystemSync.of(volume).orElseThrow();
        Files.delete(volume);

        assertThatThrownBy(sync::run).isInstanceOf(IOException.class)
                .hasMessageContaining("sync -f " + volume).hasMessageContaining("exit code 1");
    }
}
