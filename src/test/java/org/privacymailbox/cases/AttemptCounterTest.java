package org.privacymailbox.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.storage.Sha256;

class AttemptCounterTest {

    @TempDir
    Path dir;

    @Test
    void countsOutliveTheProcessAndAnEndForgetsThem() throws Exception {
        try (AttemptCounter counter = new AttemptCounter(dir)) {
            assertThat(counter.begin("mid:crashing")).isEqualTo(1);
            assertThat(counter.begin("mid:crashing")).isEqualTo(2);
            counter.begin("mid:fine");
            counter.end("mid:fine");
        }
        try (AttemptCounter restarted = new AttemptCounter(dir)) {
            assertThat(restarted.begin("mid:crashing")).isEqualTo(3);
            assertThat(restarted.begin("mid:fine")).isEqualTo(1);
        }
    }

    @Test
    void aMailCostsNoFileOfItsOwn() throws Exception {
        try (AttemptCounter counter = new AttemptCounter(dir)) {
            counter.begin("mid:a");
            counter.begin("mid:b");
            counter.end("mid:a");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(file -> file.getFileName().toString())).containsExactly("attempts.log");
            }
        }
    }

    @Test
    void aLongLogIsWrittenAnewWithTheOpenAttemptsOnly() throws Exception {
        try (AttemptCounter counter = new AttemptCounter(dir)) {
            counter.begin("mid:crashing");
            counter.begin("mid:crashing");
            for (int i = 0; i < AttemptCounter.REWRITE_AFTER_RECORDS; i++) {
                counter.begin("mid:" + i);
                counter.end("mid:" + i);
            }
            assertThat(Files.readAllLines(dir.resolve("attempts.log")).size()).isLessThan(AttemptCounter.REWRITE_AFTER_RECORDS);
        }
        try (AttemptCounter restarted = new AttemptCounter(dir)) {
            assertThat(restarted.begin("mid:crashing")).isEqualTo(3);
            assertThat(restarted.begin("mid:17")).isEqualTo(1);
        }
    }

    @Test
    void countsOfTheOlderLayoutAreTakenOver() throws Exception {
        Files.writeString(dir.resolve(Sha256.hex("mid:crashing")), "2");
        try (AttemptCounter counter = new AttemptCounter(dir)) {
            assertThat(counter.begin("mid:crashing")).isEqualTo(3);
        }
        assertThat(dir.resolve(Sha256.hex("mid:crashing"))).doesNotExist();
    }

    @Test
    void aLineACrashCutShortIsLeftOut() throws Exception {
        String key = Sha256.hex("mid:crashing");
        Files.writeString(dir.resolve("attempts.log"), "B " + key + "\nB " + key.substring(0, 20));
        try (AttemptCounter counter = new AttemptCounter(dir)) {
            assertThat(counter.begin("mid:crashing")).isEqualTo(2);
        }
    }
}
