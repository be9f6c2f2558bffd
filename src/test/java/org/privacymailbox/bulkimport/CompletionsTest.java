package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.CaseProgress;
import org.privacymailbox.cases.FileCaseLedger;
import org.privacymailbox.cases.Stage;
import org.privacymailbox.storage.Checkpoint;

class CompletionsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong nanos = new AtomicLong();

    @TempDir
    Path dir;

    private List<CaseFile> open(FileCaseLedger ledger, String prefix, int count) throws IOException {
        List<CaseFile> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(ledger.open("mid:" + prefix + i));
        }
        return cases;
    }

    private static long completed(FileCaseLedger ledger, List<CaseFile> cases) throws IOException {
        long count = 0;
        for (CaseFile caseFile : cases) {
            if (ledger.find(caseFile.mailKey()).orElseThrow().isDone(Stage.COMPLETED)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void importedMailIsRecordedCompletedOnlyAfterTheCheckpointMadeItsWritesDurable() throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir.resolve("cases"), "DPO", clock);
        List<CaseFile> cases = open(ledger, "a", 3);
        List<Long> completedWhenSyncing = new ArrayList<>();
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.register(() -> completedWhenSyncing.add(completed(ledger, cases)));
        try (Completions completions = new Completions(checkpoint, new CaseProgress(ledger), nanos::get)) {
            cases.forEach(completions::add);
            assertThat(completed(ledger, cases)).as("a batch not yet full waits for its checkpoint").isZero();
            completions.finish();
        }
        assertThat(completedWhenSyncing).as("one checkpoint, before any of them was recorded done").containsExactly(0L);
        assertThat(completed(new FileCaseLedger(dir.resolve("cases"), "DPO", clock), cases))
                .as("recorded on disk, read back by a new ledger").isEqualTo(3);
    }

    @Test
    void aFullBatchOrAnOldOneIsCheckpointedWhileTheImportGoesOn() throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir.resolve("cases"), "DPO", clock);
        CountDownLatch firstCheckpoint = new CountDownLatch(1);
        CountDownLatch secondCheckpoint = new CountDownLatch(2);
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.register(() -> {
            firstCheckpoint.countDown();
            secondCheckpoint.countDown();
        });
        try (Completions completions = new Completions(checkpoint, new CaseProgress(ledger), nanos::get)) {
            List<CaseFile> full = open(ledger, "full", Completions.BATCH_MAILS);
            full.forEach(completions::add);
            assertThat(firstCheckpoint.await(30, TimeUnit.SECONDS)).as("checkpoint of a full batch").isTrue();

            List<CaseFile> slow = open(ledger, "slow", 2);
            completions.add(slow.get(0));
            nanos.addAndGet(Completions.BATCH_NANOS);
            completions.add(slow.get(1));
            assertThat(secondCheckpoint.await(30, TimeUnit.SECONDS)).as("checkpoint of a batch open for too long").isTrue();
            completions.finish();
            assertThat(completed(ledger, full) + completed(ledger, slow)).isEqualTo(Completions.BATCH_MAILS + 2);
        }
    }

    @Test
    void afterAFailedCheckpointNoMailIsRecordedCompletedAndTheImportIsTold() throws Exception {
        FileCaseLedger ledger = new FileCaseLedger(dir.resolve("cases"), "DPO", clock);
        int[] checkpoints = {0};
        CountDownLatch secondBatchClosed = new CountDownLatch(1);
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.register(() -> {
            if (++checkpoints[0] == 1) {
                awaitQuietly(secondBatchClosed);
                throw new IOException("No space left on device");
            }
        });
        List<CaseFile> first = open(ledger, "first", Completions.BATCH_MAILS);
        List<CaseFile> second = open(ledger, "second", 5);
        try (Completions completions = new Completions(checkpoint, new CaseProgress(ledger), nanos::get)) {
            first.forEach(completions::add);
            second.forEach(completions::add);
            nanos.addAndGet(Completions.BATCH_NANOS);
            completions.add(ledger.open("mid:closes-the-second-batch"));
            secondBatchClosed.countDown();
            assertThatThrownBy(completions::finish)
                    .isInstanceOf(Completions.CheckpointFailedException.class).hasMessageContaining("No space left on device");
        }
        assertThat(completed(ledger, first)).isZero();
        assertThat(completed(ledger, second)).as("the failed checkpoint may have left this batch's files unsynced").isZero();
        assertThat(checkpoints[0]).as("no later checkpoint was made").isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
