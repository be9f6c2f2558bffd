package org.privacymailbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxWorkersTest {

    private final MailboxWorkers workers = new MailboxWorkers(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void thePollEndsOnlyWhenEveryMailHandedOverIsDone() throws Exception {
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 6; i++) {
            int mail = i;
            workers.execute(() -> {
                sleep(50);
                done.add(mail);
            });
        }

        workers.endPoll();

        assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void twoMailsAreProcessedSideBySide() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            workers.execute(() -> {
                bothStarted.countDown();
                await(bothStarted);
            });
        }

        assertThat(bothStarted.await(5, TimeUnit.SECONDS)).isTrue();
        workers.endPoll();
    }

    @Test
    void theMailboxThreadWaitsWhileOneMailPerWorkerWaitsBesideThoseInWork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            workers.execute(() -> await(release));
        }
        Thread mailbox = new Thread(() -> workers.execute(() -> { }));
        mailbox.start();
        while (mailbox.getState() != Thread.State.WAITING && mailbox.isAlive()) {
            Thread.sleep(1);
        }
        assertThat(mailbox.isAlive()).as("the fifth mail waits for room").isTrue();

        release.countDown();
        mailbox.join();
        workers.endPoll();
    }

    @Test
    void aSecondCopyOfAMailIsLeftForTheNextPoll() throws Exception {
        assertThat(workers.claim("mid:a@example.dk")).isTrue();
        workers.execute(() -> sleep(50));
        assertThat(workers.claim("mid:a@example.dk")).isFalse();
        assertThat(workers.claim("mid:b@example.dk")).isTrue();

        workers.endPoll();

        assertThat(workers.claim("mid:a@example.dk")).isTrue();
    }

    @Test
    void aMailRefusedAfterShutdownIsNotWaitedFor() throws Exception {
        workers.shutdown();

        assertThatThrownBy(() -> workers.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        workers.endPoll();
        assertThat(workers.isShutdown()).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
