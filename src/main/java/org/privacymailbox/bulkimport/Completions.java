package org.privacymailbox.bulkimport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.privacymailbox.cases.CaseProgress;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Stage;
import org.privacymailbox.storage.Checkpoint;

/**
 * Records imported mails as completed a batch at a time, each batch once a {@link Checkpoint} has made its archive
 * copies, index documents and cases durable and sent its queue messages: the workers no longer wait for the disk to
 * take a mail's archive file, its directory entry, its translog line, its case and its completion, nor for the broker
 * to take its queue message. A crash before a checkpoint leaves that batch's cases unfinished, so the next run of the
 * import goes on with them. Checkpoints run on a thread of their own while the workers import the next batch. Used by
 * one thread.
 */
final class Completions implements AutoCloseable {

    /**
     * Mails a batch holds at most. After a crash the next run takes up again at most two batches (one being made
     * durable, one being filled) and the mails in the workers' hands; everything before them it skips.
     */
    static final int BATCH_MAILS = 2000;
    /** How long a batch stays open at most, so that a slow import (scanned PDFs) still completes mails as it goes. */
    static final long BATCH_NANOS = 2_000_000_000L;

    /**
     * A checkpoint failed (the disk is full or failing, the broker cannot be reached): the mails since the last one
     * are not recorded as done.
     */
    static final class CheckpointFailedException extends RuntimeException {
        CheckpointFailedException(Throwable cause) {
            super("the imported mails could not be made durable and queued: " + cause, cause);
        }
    }

    private final Checkpoint checkpoint;
    private final CaseProgress progress;
    private final LongSupplier nanoTime;
    private final ExecutorService checkpointThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<?>> running = new ArrayList<>();
    private List<CaseFile> batch = new ArrayList<>();
    private long batchOpened;
    /** Set on the checkpoint thread: no later checkpoint may complete anything. */
    private volatile boolean failed;

    Completions(Checkpoint checkpoint, CaseProgress progress, LongSupplier nanoTime) {
        this.checkpoint = checkpoint;
        this.progress = progress;
        this.nanoTime = nanoTime;
    }

    /** Completes the case at a coming checkpoint; throws when an earlier checkpoint failed. */
    void add(CaseFile caseFile) {
        if (batch.isEmpty()) {
            batchOpened = nanoTime.getAsLong();
        }
        batch.add(caseFile);
        if (batch.size() >= BATCH_MAILS || nanoTime.getAsLong() - batchOpened >= BATCH_NANOS) {
            checkpointBatch();
        }
        running.removeIf(future -> future.isDone() && succeeded(future));
    }

    /** Returns when every mail added is recorded as completed, or throws when a checkpoint failed. */
    void finish() {
        checkpointBatch();
        running.forEach(Completions::succeeded);
        running.clear();
    }

    private void checkpointBatch() {
        if (batch.isEmpty()) {
            return;
        }
        List<CaseFile> closed = batch;
        batch = new ArrayList<>();
        running.add(checkpointThread.submit(() -> {
            if (failed) {
                // the failed one may have taken files of this batch off the archive's list unsynced
                throw new IOException("an earlier checkpoint failed");
            }
            try {
                // first everything the batch's mails wrote, then the record that they are done
                checkpoint.makeDurable();
                progress.doneAll(closed, Stage.COMPLETED);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
            return null;
        }));
    }

    private static boolean succeeded(Future<?> future) {
        try {
            future.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new CheckpointFailedException(e.getCause());
        }
    }

    /** Waits for a checkpoint under way: the ledger and the index are closed after this. */
    @Override
    public void close() {
        checkpointThread.shutdown();
        try {
            checkpointThread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
