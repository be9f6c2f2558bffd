package org.privacymailbox.intake;

import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that carry a poll's mails through the stages side by side, while the mailbox thread reads the next.
 * One thread doing everything spent most of its time waiting: for disk syncs, the broker, the index, in turn for
 * every mail.
 *
 * <p>The poll does not end before its mails are done ({@link #endPoll}), so a mail is still filed only once every
 * stage has finished with it, and a mail that fails for an outage stays in the mailbox as before. Two copies of one
 * mail in the same poll are not both processed: the second is left in the mailbox ({@link #claim}) and filed at the
 * next poll, when the case ledger knows the first is done.
 */
public class MailboxWorkers extends AbstractExecutorService {

    private final ThreadPoolExecutor pool;
    private final int maxInFlight;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();
    private int running;

    public MailboxWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        // a mail waiting for a worker holds its raw bytes: a poll of 50 large mails read ahead at once could fill the
        // heap, so the mailbox thread reads on only while no more than one mail per worker waits
        this.maxInFlight = 2 * threads;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "mailbox-worker-" + number.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        });
    }

    /** Whether the mail may be processed in this poll; false when another copy of it already is. */
    public boolean claim(String mailKey) {
        return claimed.add(mailKey);
    }

    /** Hands a mail to the workers, first waiting while as many mails as allowed are in flight. */
    @Override
    public void execute(Runnable mail) {
        synchronized (idle) {
            while (running >= maxInFlight) {
                try {
                    idle.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RejectedExecutionException("interrupted while waiting for a free worker", e);
                }
            }
            running++;
        }
        try {
            pool.execute(() -> {
                try {
                    mail.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException rejected) {
            finished();
            throw rejected;
        }
    }

    /**
     * Waits until every mail handed to the workers so far is done, then forgets the poll's claims. A claim lasts the
     * whole poll, not just its mail's stages: a second copy was opened as a case before the first finished, so what
     * it knows of the case is out of date; at the next poll it is read again and found done.
     */
    public void endPoll() throws InterruptedException {
        synchronized (idle) {
            while (running > 0) {
                idle.wait();
            }
        }
        claimed.clear();
    }

    private void finished() {
        synchronized (idle) {
            running--;
            idle.notifyAll();
        }
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
