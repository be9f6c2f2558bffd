package org.privacymailbox.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.storage.Checkpoint;
import org.privacymailbox.storage.Sha256;

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
    void casesMarkedDoneTogetherAreAllDoneAfterARestart(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseFile first = ledger.open("mid:a");
        CaseFile second = ledger.routed(ledger.open("mid:b"), "billing");
        ledger.markAllDone(List.of(first, second), Stage.COMPLETED);
        FileCaseLedger reopened = new FileCaseLedger(dir, "DPO", clock);
        assertThat(reopened.find("mid:a").orElseThrow().isDone(Stage.COMPLETED)).isTrue();
        CaseFile secondAgain = reopened.find("mid:b").orElseThrow();
        assertThat(secondAgain.isDone(Stage.COMPLETED)).isTrue();
        assertThat(secondAgain.isDone(Stage.ROUTED)).as("a stage recorded since the case was read is kept").isTrue();
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
    void numbersAnImportUsedBeforeACrashTookItsUnsyncedCasesAreNeverGivenAgain(@TempDir Path dir) throws Exception {
        FileCaseLedger importing = new FileCaseLedger(dir, "DPO", clock, new Checkpoint());
        assertThat(importing.open("mid:a").caseReference()).isEqualTo("DPO-2024-000001");
        assertThat(importing.open("mid:b").caseReference()).isEqualTo("DPO-2024-000002");
        // the crash came before a checkpoint synced the journal: its lines are gone, the numbers may be in the index
        Files.write(dir.resolve("journal"), new byte[0]);

        FileCaseLedger restarted = new FileCaseLedger(dir, "DPO", clock);
        assertThat(restarted.find("mid:a")).isEmpty();
        assertThat(restarted.open("mid:a").caseReference()).isEqualTo("DPO-2024-%06d".formatted(FileCaseLedger.RESERVED_NUMBERS + 1));
    }

    @Test
    void anImportThatEndsNormallyLeavesNoGapInTheNumbers(@TempDir Path dir) throws Exception {
        Checkpoint checkpoint = new Checkpoint();
        FileCaseLedger importing = new FileCaseLedger(dir, "DPO", clock, checkpoint);
        importing.open("mid:a");
        importing.open("mid:b");
        checkpoint.makeDurable();
        importing.close();

        FileCaseLedger again = new FileCaseLedger(dir, "DPO", clock, new Checkpoint());
        assertThat(again.find("mid:b")).isPresent();
        assertThat(again.open("mid:c").caseReference()).isEqualTo("DPO-2024-000003");
        again.close();
        assertThat(new FileCaseLedger(dir, "DPO", clock).open("mid:d").caseReference()).isEqualTo("DPO-2024-000004");
    }

    @Test
    void aReservationCutShortByACrashIsIgnored(@TempDir Path dir) throws Exception {
        new FileCaseLedger(dir, "DPO", clock).open("mid:a");
        Files.writeString(dir.resolve("numbers"), "2024 9\n20", StandardCharsets.US_ASCII);

        assertThat(new FileCaseLedger(dir, "DPO", clock).open("mid:b").caseReference()).isEqualTo("DPO-2024-000010");
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

    @Test
    void concurrentMailsGetDistinctReferencesThatSurviveARestart(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        Set<String> references = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                int w = worker;
                done.add(workers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        CaseFile opened = ledger.open("mid:" + w + "-" + i);
                        ledger.markDone(opened, Stage.INDEXED);
                        references.add(ledger.routed(opened, "billing.inquiries").caseReference());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            workers.shutdown();
        }
        assertThat(references).hasSize(200);
        FileCaseLedger restarted = new FileCaseLedger(dir, "DPO", clock);
        CaseFile one = restarted.find("mid:3-49").orElseThrow();
        assertThat(one.isDone(Stage.INDEXED)).isTrue();
        assertThat(one.queue()).isEqualTo("billing.inquiries");
        assertThat(restarted.open("mid:new").caseReference()).isEqualTo("DPO-2024-000201");
    }

    @Test
    void aChangeCutShortByACrashIsDroppedAndTheLedgerGoesOn(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        ledger.markDone(ledger.open("mid:a"), Stage.ROUTED);
        ledger.close();
        Files.writeString(dir.resolve(FileCaseLedger.JOURNAL), "{\"k\":\"mid:b\",\"r\":\"DPO-20", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        FileCaseLedger restarted = new FileCaseLedger(dir, "DPO", clock);
        assertThat(restarted.find("mid:a").orElseThrow().isDone(Stage.ROUTED)).isTrue();
        assertThat(restarted.find("mid:b")).isEmpty();
        assertThat(restarted.open("mid:b").caseReference()).isEqualTo("DPO-2024-000002");
        assertThat(new FileCaseLedger(dir, "DPO", clock).find("mid:b").orElseThrow().caseReference()).isEqualTo("DPO-2024-000002");
    }

    @Test
    void aLongJournalIsCompactedAtStartWithNothingLost(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseFile caseFile = ledger.open("mid:busy", "kirsten@example.dk");
        for (int i = 0; i < 10_000; i++) {
            caseFile = i % 2 == 0 ? ledger.markDone(caseFile, Stage.ACKNOWLEDGEMENT_SENDING) : ledger.unmark(caseFile, Stage.ACKNOWLEDGEMENT_SENDING);
        }
        ledger.markDone(caseFile, Stage.ACKNOWLEDGED);
        ledger.close();
        long before = Files.size(dir.resolve(FileCaseLedger.JOURNAL));
        FileCaseLedger restarted = new FileCaseLedger(dir, "DPO", clock);
        assertThat(Files.size(dir.resolve(FileCaseLedger.JOURNAL))).isLessThan(before / 100);
        CaseFile kept = restarted.find("mid:busy").orElseThrow();
        assertThat(kept.done()).containsExactly(Stage.ACKNOWLEDGED);
        assertThat(kept.sender()).isEqualTo("kirsten@example.dk");
        assertThat(restarted.findByReference("DPO-2024-000001")).contains(kept);
    }

    @Test
    void casesKeptByAnEarlierVersionAreCarriedOverWithTheirNumbers(@TempDir Path dir) throws Exception {
        Path caseFile = Files.createDirectories(dir.resolve("ab")).resolve(Sha256.hex("mid:old") + ".properties");
        Files.writeString(caseFile, "mailKey=mid\\:old\ncaseReference=DPO-2024-000004\nopenedAt=2024-02-01T09\\:00\\:00Z\n"
                + "done=INDEXED,ROUTED\nsender=old@example.se\nqueue=privacy.inquiries\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sequence-2024"), "5", StandardCharsets.US_ASCII);
        Files.createDirectories(dir.resolve("references"));
        Files.writeString(dir.resolve("references").resolve("DPO-2024-000004"), "mid:old", StandardCharsets.UTF_8);

        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        CaseFile old = ledger.findByReference("DPO-2024-000004").orElseThrow();
        assertThat(old.mailKey()).isEqualTo("mid:old");
        assertThat(old.done()).containsExactlyInAnyOrder(Stage.INDEXED, Stage.ROUTED);
        assertThat(old.queue()).isEqualTo("privacy.inquiries");
        assertThat(ledger.open("mid:new").caseReference()).as("number 5 was handed out before").isEqualTo("DPO-2024-000006");
        assertThat(caseFile).doesNotExist();
        assertThat(dir.resolve("sequence-2024")).doesNotExist();
        assertThat(new FileCaseLedger(dir, "DPO", clock).find("mid:old")).contains(old);
    }

    @Test
    void aLastLineWhoseNewlineWasCutOffIsKeptAndNotRunInto(@TempDir Path dir) throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir, "DPO", clock);
        ledger.open("mid:a");
        ledger.close();
        Path journal = dir.resolve(FileCaseLedger.JOURNAL);
        String whole = Files.readString(journal, StandardCharsets.UTF_8);
        Files.writeString(journal, whole.substring(0, whole.length() - 1), StandardCharsets.UTF_8);
        new FileCaseLedger(dir, "DPO", clock).open("mid:b");
        FileCaseLedger restarted = new FileCaseLedger(dir, "DPO", clock);
        assertThat(restarted.find("mid:a")).isPresent();
        assertThat(restarted.find("mid:b").orElseThrow().caseReference()).isEqualTo("DPO-2024-000002");
    }
}
