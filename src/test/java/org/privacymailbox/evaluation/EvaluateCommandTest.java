package org.privacymailbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path work;

    @Test
    void printsTheFiguresForALabelledDirectoryAndRefusesOneWithoutLabels() throws Exception {
        Path inquiries = Path.of(getClass().getResource("/inquiries/labels.jsonl").toURI()).getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvaluateCommand.run(new String[] {inquiries.toString(), "--privacy-mailbox.data-dir=" + work.resolve("data")},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("mails: 64", "topic accuracy:", "privacy recall:",
                "identifier precision:", "acknowledgements to automated mail: 0", "language confusion among da, no, sv");
        assertThat(work.resolve("data")).doesNotExist();

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(EvaluateCommand.run(new String[] {work.toString()}, new PrintStream(out), new PrintStream(refused, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(refused.toString(StandardCharsets.UTF_8)).startsWith("privacy-mailbox evaluate: " + work + " has no labels.jsonl");
    }
}
