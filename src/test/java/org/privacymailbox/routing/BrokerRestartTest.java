package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacymailbox.ServiceProcess;

/**
 * The embedded broker must start again on the journal an earlier run left, on every Java the service runs on: on
 * Java 25 it once failed to (Netty could not free the broker's buffers), and after a restart nothing was queued.
 * Runs with this test's Java and with every Java 21 or 25 installed under /usr/lib/jvm.
 */
class BrokerRestartTest {

    @TempDir
    Path work;

    static Stream<Path> javas() throws IOException {
        List<Path> javas = new ArrayList<>(List.of(ServiceProcess.currentJava()));
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                homes.filter(home -> home.getFileName().toString().matches(".*-(21|25)(\\D.*)?"))
                        .map(home -> home.resolve("bin").resolve("java"))
                        .filter(Files::isExecutable)
                        .sorted()
                        .forEach(javas::add);
            }
        }
        return javas.stream();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void mailImportedAfterARestartIsQueued(Path java) throws Exception {
        Path data = work.resolve("data");
        Run first = importOne(java, data, "first");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("1 read, 1 indexed");

        Run second = importOne(java, data, "second");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("1 read, 1 indexed").doesNotContain("AMQ224000");
    }

    private record Run(int exitCode, String output) {
    }

    /** An import of one new mail in a process of its own, on the data directory the last one left. */
    private Run importOne(Path java, Path data, String name) throws Exception {
        Path mails = Files.createDirectories(work.resolve(name));
        Files.writeString(mails.resolve(name + ".eml"), "From: kunde@example.dk\r\nSubject: Indsigt\r\nMessage-ID: <" + name
                + "@example.dk>\r\n\r\nJeg beder om indsigt i mine oplysninger efter angrebet.\r\n", StandardCharsets.US_ASCII);
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(ServiceProcess.command(java, List.of(
                "import", mails.toString(), "--privacy-mailbox.data-dir=" + data, "--privacy-mailbox.extraction.ocr=false")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
