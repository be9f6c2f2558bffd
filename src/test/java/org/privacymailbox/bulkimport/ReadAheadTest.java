package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void aMailLargerThanTheWholeBudgetIsTakenAloneNotRefused() throws Exception {
        ReadAhead readAhead = new ReadAhead(32, 1_000);
        readAhead.take(5_000);
        assertTakenOnlyOnceDone(readAhead, 10, 5_000);
    }

    @Test
    void theReaderWaitsWhileTheBytesInFlightWouldExceedTheBudget() throws Exception {
        ReadAhead readAhead = new ReadAhead(32, 1_000);
        readAhead.take(600);
        readAhead.take(300);
        assertTakenOnlyOnceDone(readAhead, 200, 300);
    }

    @Test
    void theReaderWaitsWhileAsManyMailsAsAllowedAreInFlight() throws Exception {
        ReadAhead readAhead = new ReadAhead(2, 1_000_000);
        readAhead.take(1);
        readAhead.take(1);
        assertTakenOnlyOnceDone(readAhead, 1, 1);
    }

    /** A mail of {@code next} bytes waits until one of {@code done} bytes is done, and is taken then. */
    private static void assertTakenOnlyOnceDone(ReadAhead readAhead, long next, long done) throws InterruptedException {
        AtomicBoolean taken = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                readAhead.take(next);
                taken.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
            Thread.sleep(1);
        }
        assertThat(taken).as("waiting for room").isFalse();
        readAhead.done(done);
        reader.join();
        assertThat(taken).isTrue();
    }
}
