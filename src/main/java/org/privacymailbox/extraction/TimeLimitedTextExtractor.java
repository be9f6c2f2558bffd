package org.privacymailbox.extraction;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Abandons a parse that takes too long, so a crafted file cannot stall the mailbox. The abandoned thread is
 * interrupted; a parser spinning without checking for interrupts keeps its (daemon) thread until it ends.
 */
public final class TimeLimitedTextExtractor implements TextExtractor {

    private final TextExtractor delegate;
    private final Duration timeout;
    private final ExecutorService executor;

    public TimeLimitedTextExtractor(TextExtractor delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "text-extraction-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName, String declaredType, Supplier<String> mailLanguage) {
        Future<ExtractedText> result = executor.submit(() -> delegate.extract(content, fileName, declaredType, mailLanguage));
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return ExtractedText.unread("not read: parsing was abandoned after " + seconds(timeout) + " s");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting text", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        delegate.close();
    }
}
