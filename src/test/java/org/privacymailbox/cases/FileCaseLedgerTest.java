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
    void anAcknowledgementIsSentAtMostOnceAndAFailedSendMayBeRetried(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseProgress progress = new CaseProgress(ledger);
        ledger.open("mid:a");
        assertThat(progress.claimSending("mid:a")).isTrue();
        assertThat(progress.claimSending("mid:a")).as("a send started, perhaps done before a crash").isFalse();
        progress.notSent("mid:a");
        assertThat(progress.claimSending("mid:a")).as("after a refused send").isTrue();
        progress.sent("mid:a");
        progress.notSent("mid:a");
        assertThat(progress.claimSending("mid:a")).as("after it was sent").isFalse();
    }

    @Test
    void aMailWhoseProcessingKeepsCrashingIsRefusedAfterTheMaximumOfAttempts(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir.resolve("cases"), "DPO", clock);
        CaseProgress progress = new CaseProgress(ledger, new AttemptCounter(dir.resolve("attempts")), 2);
        Inquiry inquiry = Inquiry.opened(new org.privacymailbox.archive.ArchivedMail("z", new byte[0]), ledger.open("mid:crash"));
        progress.beginAttempt(inquiry);
        // a new process, as after a crash: the count is on disk
        CaseProgress restarted = new CaseProgress(ledger, new AttemptCounter(dir.resolve("attempts")), 2);
        restarted.beginAttempt(inquiry);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restarted.beginAttempt(inquiry))
                .isInstanceOf(TooManyAttemptsException.class).hasMessageContaining("began 2 times");
        Inquiry other = Inquiry.opened(new org.privacymailbox.archive.ArchivedMail("w", new byte[0]), ledger.open("mid:fine"));
        progress.beginAttempt(other);
        progress.endAttempt(other);
        progress.beginAttempt(other);
        progress.endAttempt(other);
        progress.beginAttempt(other);
    }

    @Test
    void aFollowUpJoinsTheCaseOfItsFirstMail(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseFile first = ledger.open("mid:first", "kirsten@example.dk");
        CaseFile second = ledger.openFollowUp("mid:second", ledger.findByReference(first.caseReference()).orElseThrow(), "kirsten@example.dk");
        CaseFile third = ledger.openFollowUp("mid:third", second, "kirsten@example.dk");
        assertThat(second.caseReference()).isEqualTo(first.caseReference());
        assertThat(third.followUpOf()).isEqualTo("mid:first");
        assertThat(ledger.routed(first, "privacy.inquiries").queue()).isEqualTo("privacy.inquiries");
        assertThat(ledger.find("mid:first").orElseThrow().queue()).isEqualTo("privacy.inquiries");
        assertThat(ledger.findByReference("DPO-2024-999999")).isEmpty();
        assertThat(ledger.findByReference("../../etc/passwd")).isEmpty();
    }

    @Test
    void mailWithoutMessageIdIsKnownByItsContentHash() {
        assertThat(MailKey.of(null, "abc")).isEqualTo("sha256:abc");
        assertThat(MailKey.of("  <x@y>  ", "abc")).isEqualTo("mid:x@y");
    }
}
