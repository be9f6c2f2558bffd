package org.privacymailbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.ServiceProcess;

/**
 * A customer's scanned document is copied to a temporary file for Tesseract. That copy must stay where the raw archive
 * is, readable by the service alone, and must not outlive a crash.
 */
class OcrTemporaryFilesTest {

    @TempDir
    Path work;

    @Test
    void anImageBeingReadWhenTheImportIsKilledStaysInTheDataDirectoryAndIsDeletedAtTheNextStart() throws Exception {
        assumeTrue(TikaTextExtractor.Ocr.detect(true, "eng", 60, null).available(), "Tesseract is not installed here");
        Path systemTemporary = Files.createDirectories(work.resolve("system-tmp"));
        Path data = work.resolve("data");
        Path mails = Files.createDirectories(work.resolve("mails"));
        List<String> lines = IntStream.range(0, 60).mapToObj(line -> "Lønseddel " + line + " for marts, udbetalt til konto 1234 5678 9012").toList();
        Files.write(mails.resolve("scan.eml"), Attachments.mailWithImage("lønseddel", "se vedhæftet", Attachments.pageOfLines(lines)));

        Process importing = start(systemTemporary, "import", mails.toString(), "--privacy-mailbox.data-dir=" + data);
        Optional<ProcessHandle> tesseract = awaitTesseract(importing, Duration.ofSeconds(90));
        assertThat(tesseract).as("Tesseract was started for the image").isPresent();
        Path own = data.resolve("tmp").resolve(Long.toString(importing.pid()));
        List<Path> whileReading = files(own);
        importing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        tesseract.get().destroyForcibly();
        tesseract.get().onExit().get(30, TimeUnit.SECONDS);

        assertThat(whileReading).as("the image's copy for Tesseract is in the data directory").isNotEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tmp")))).isEqualTo("rwx------");
        assertThat(files(systemTemporary)).as("nothing of the mail in the machine's shared temporary directory").isEmpty();
        assertThat(files(own)).as("what the killed process left").isNotEmpty();

        Path nothing = Files.createDirectories(work.resolve("nothing"));
        Process next = start(systemTemporary, "import", nothing.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isZero();
        assertThat(own).as("the next start deleted what the killed process left").doesNotExist();
        assertThat(data.resolve("tmp")).as("and its own on the way out").doesNotExist();
        assertThat(files(systemTemporary)).isEmpty();
    }

    private Process start(Path systemTemporary, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(ServiceProcess.command(ServiceProcess.currentJava(), List.of(arguments)));
        command.add(1, "-Djava.io.tmpdir=" + systemTemporary);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("import.log").toFile())).start();
    }

    private static Optional<ProcessHandle> awaitTesseract(Process process, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp) && process.isAlive()) {
            Optional<ProcessHandle> tesseract = process.descendants()
                    .filter(child -> child.info().command().map(command -> command.endsWith("tesseract")).orElse(false))
                    // reading an image, not asked for its version or languages
                    .filter(child -> List.of(child.info().arguments().orElse(new String[0])).contains("-l"))
                    .findFirst();
            if (tesseract.isPresent()) {
                return tesseract;
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    private static List<Path> files(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(Files::isRegularFile).toList();
        }
    }
}
