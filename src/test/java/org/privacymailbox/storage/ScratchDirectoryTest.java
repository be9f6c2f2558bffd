package org.privacymailbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {

    @TempDir
    Path data;

    @Test
    void whatProcessesThatAreGoneLeftIsDeletedAtStartAndARunningOnesIsKept() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path root = data.resolve("tmp");
        Path gone = Files.createDirectories(root.resolve(Long.toString(finished.pid())).resolve("nested"));
        Files.writeString(gone.resolve("ocr-1.img"), "image");
        Path running = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())));
        Files.writeString(running.resolve("ocr-2.img"), "image");
        Files.writeString(root.resolve("stray.tmp"), "image");

        new ScratchDirectory(root, ProcessHandle.current().parent().orElseThrow().pid());

        assertThat(root.resolve(Long.toString(finished.pid()))).doesNotExist();
        assertThat(root.resolve("stray.tmp")).doesNotExist();
        assertThat(running.resolve("ocr-2.img")).as("an import may run beside the service").exists();
    }

    @Test
    void aDirectoryOfThisProcessNumberIsFromAnEarlierProcessAndIsEmptied() throws Exception {
        // in a container the service is process 1 at every start
        Path root = data.resolve("tmp");
        long pid = ProcessHandle.current().pid();
        Files.createDirectories(root.resolve(Long.toString(pid)));
        Files.writeString(root.resolve(Long.toString(pid)).resolve("ocr-3.img"), "a scan");

        Path own = new ScratchDirectory(root, pid).path();

        assertThat(own).isEqualTo(root.resolve(Long.toString(pid))).isEmptyDirectory();
    }

    @Test
    void theDirectoryIsMadeOwnerOnlyWhenFirstNeededAndDeletedOnClose() throws Exception {
        Path root = data.resolve("tmp");
        ScratchDirectory scratch = new ScratchDirectory(root, 4_000_000_001L);
        assertThat(root).as("nothing is written until a file is needed").doesNotExist();

        Path own = scratch.path();
        Files.writeString(own.resolve("ocr-4.img"), "a scan");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwx------");

        scratch.close();
        assertThat(root).doesNotExist();
    }

    @Test
    void aDirectoryDeletedUnderneathIsMadeAgainWhenNeeded() throws Exception {
        Path root = data.resolve("tmp");
        ScratchDirectory scratch = new ScratchDirectory(root, 4_000_000_002L);
        Path own = scratch.path();
        Files.delete(own);

        assertThat(scratch.path()).isEqualTo(own).isEmptyDirectory();
    }
}
