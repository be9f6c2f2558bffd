package org.privacymailbox.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCaseLedgerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void sameMailKeyKeepsItsCaseReferenceAcrossRestarts(@TempDir Path dir) throws Exception {
        CaseFile first = new FileCaseLedger(dir, "DPO", clock).open("mid:a@example.dk");
        CaseFile again = new FileCaseLedger(dir, "DPO", clock).open("mid:a@example.dk");
        assertThat(first.caseReference()).isEqualTo("DPO-2024-000001").isEqualTo(again.caseReference());
    }

    @Test
    void newMailsGetConsecutiveReferences(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        assertThat(ledger.open("mid:a").caseReference()).isEqualTo("DPO-2024-000001");
        assertThat(ledger.open("mid:b").caseReference()).isEqualTo("DPO-2024-000002");
        assertThat(new FileCaseLedger(dir, "DPO", clock).open("mid:c").caseReference()).isEqualTo("DPO-2024-000003");
    }

    @Test
    void finishedStagesSurviveARestart(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        ledger.markDone(ledger.open("mid:a"), Stage.INDEXED);
        CaseFile reopened = new FileCaseLedger(dir, "DPO", clock).open("mid:a");
        assertThat(reopened.isDone(Stage.INDEXED)).isTrue();
        assertThat(reopened.isDone(Stage.ROUTED)).isFalse();
    }

    @Test
    void anAcknowledgementWhoseSendFailedIsReleasedButASentOneIsNot(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseProgress progress = new CaseProgress(ledger);
        CaseFile failed = ledger.markDone(ledger.open("mid:failed"), Stage.ACKNOWLEDGEMENT_CLAIMED);
        Inquiry released = progress.releaseUnsentAcknowledgement(
                Inquiry.opened(new org.privacymailbox.archive.ArchivedMail("x", new byte[0]), failed));
        assertThat(released.caseFile().isDone(Stage.ACKNOWLEDGEMENT_CLAIMED)).isFalse();

        CaseFile sent = ledger.markDone(ledger.markDone(ledger.open("mid:sent"), Stage.ACKNOWLEDGEMENT_CLAIMED), Stage.ACKNOWLEDGED);
        Inquiry kept = progress.releaseUnsentAcknowledgement(Inquiry.opened(new org.privacymailbox.archive.ArchivedMail("y", new byte[0]), sent));
        assertThat(kept.caseFile().isDone(Stage.ACKNOWLEDGEMENT_CLAIMED)).isTrue();
    }

    @Test
    void mailWithoutMessageIdIsKnownByItsContentHash() {
        assertThat(MailKey.of(null, "abc")).isEqualTo("sha256:abc");
        assertThat(MailKey.of("  <x@y>  ", "abc")).isEqualTo("mid:x@y");
    }
}
