package org.privacymailbox.bulkimport;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;

/** A one-line progress bar on the terminal (count, rate, ETA by bytes read); silent when output is redirected. */
final class ImportProgress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long bytesDone;
    private long mails;
    private long lastDrawn;

    ImportProgress(PrintStream out, boolean enabled, long totalBytes) {
        this.out = out;
        this.enabled = enabled;
        this.totalBytes = Math.max(1, totalBytes);
    }

    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells (absent before 22)
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** {@code bytesRead}: how far into the sources the reading has come. */
    void mailDone(long bytesRead) {
        mails++;
        bytesDone = bytesRead;
        draw(false);
    }

    void finish() {
        if (enabled) {
            draw(true);
            out.println();
        }
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!enabled || !force && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double fraction = Math.min(1.0, (double) bytesDone / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = seconds();
        double rate = seconds > 0 ? mails / seconds : 0;
        String eta = fraction > 0 && fraction < 1 ? format(Duration.ofSeconds((long) (seconds / fraction - seconds))) : "--:--";
        out.printf("\r[%s%s] %3d%%  %d mails  %.1f mails/s  ETA %s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(fraction * 100), mails, rate, eta);
        out.flush();
    }

    private static String format(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
