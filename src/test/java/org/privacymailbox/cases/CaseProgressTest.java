package org.privacymailbox.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.privacymailbox.archive.ArchivedMail;

class CaseProgressTest {

    /** No ledger: the decision is made on the case as read, and writes nothing until the stage is done again. */
    private final CaseProgress progress = new CaseProgress(null);

    private static Inquiry inquiryWithStagesDone(Set<Stage> done) {
        ArchivedMail archived = new ArchivedMail("ab".repeat(32), "Subject: x\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
        return Inquiry.opened(archived, new CaseFile("key", "PM-1", Instant.EPOCH, done));
    }

    @Test
    void anUnfinishedCaseIsIndexedAgainAndKeepsItsOtherStages() {
        Inquiry again = progress.indexAgainUnlessCompleted(inquiryWithStagesDone(Set.of(Stage.INDEXED, Stage.ROUTED)));

        assertThat(again.needs("INDEXED")).isTrue();
        assertThat(again.needs("ROUTED")).isFalse();
    }

    @Test
    void aCompletedCaseIsNotIndexedAgain() {
        Inquiry completed = progress.indexAgainUnlessCompleted(
                inquiryWithStagesDone(Set.of(Stage.INDEXED, Stage.ROUTED, Stage.COMPLETED)));

        assertThat(completed.needs("INDEXED")).isFalse();
    }
}
