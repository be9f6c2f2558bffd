package org.privacymailbox.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.privacymailbox.BuiltText;
import tools.jackson.databind.json.JsonMapper;

/** The journal's lines are written by hand and read by Jackson: these tests hold the writing to Jackson's. */
class LedgerLineTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final List<String> PIECES = List.of(
            "a", "Ø", "ö", "@", "mid:", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f",
            "\u2028", "😀", "<x@y>", " ", "DPO-2026-000001");

    @Test
    void writesWhatJacksonWritesForBuiltCases() throws Exception {
        Random random = new Random(20261201L);
        Stage[] stages = Stage.values();
        for (int n = 0; n < 5_000; n++) {
            Set<Stage> done = EnumSet.noneOf(Stage.class);
            for (Stage stage : stages) {
                if (random.nextInt(3) == 0) {
                    done.add(stage);
                }
            }
            CaseFile caseFile = new CaseFile(text(random), text(random),
                    Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    done, maybe(random), maybe(random), maybe(random));
            FileCaseLedger.Line line = FileCaseLedger.Line.of(caseFile);

            String written = line.json();

            assertThat(written).isEqualTo(JACKSON.writeValueAsString(line) + "\n");
            assertThat(JACKSON.readValue(written.getBytes(StandardCharsets.UTF_8), FileCaseLedger.Line.class).caseFile()).isEqualTo(caseFile);
        }
    }

    private static String maybe(Random random) {
        return random.nextInt(3) == 0 ? null : text(random);
    }

    private static String text(Random random) {
        return BuiltText.of(random, PIECES, 0, 7);
    }
}
