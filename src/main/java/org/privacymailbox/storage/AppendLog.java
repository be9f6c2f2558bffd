package org.privacymailbox.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that is only ever appended to, made durable by group commit: {@link #append} writes at once and says how
 * far the log then reaches; {@link #sync} returns when the disk holds the log that far. Callers that wait while
 * a sync runs are covered by the next one, so many writers share a few fdatasyncs. Positions are counted from the
 * log's opening and never go back, so a caller waiting across {@link #truncate} returns at once. The log holds
 * lines: one that a crash cut short is ended when the log is opened, so that the next append starts a line of its
 * own instead of running into it (which would spoil a line whose append did return).
 */
public final class AppendLog implements Closeable {

    private final FileChannel channel;
    private final Object syncLock = new Object();
    /** How far the log reaches (guarded by this) and how far it is known to be on disk (written under this too). */
    private long written;
    private volatile long synced;

    public AppendLog(Path file) throws IOException {
        boolean created = !Files.exists(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        endLastLine(file);
        this.written = channel.size();
        this.synced = written;
        if (created) {
            DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        }
    }

    private void endLastLine(Path file) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.read(last, size - 1);
        }
        if (last.get(0) != '\n') {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            channel.force(false);
        }
    }

    /** Writes {@code bytes} at the end; returns the point {@link #sync} must reach for them to be durable. */
    public synchronized long append(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        written += bytes.length;
        return written;
    }

    /** Returns when everything appended up to {@code point} is on disk; one caller syncs for all who are waiting. */
    public void sync(long point) throws IOException {
        if (synced >= point) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= point) {
                return;
            }
            long target;
            synchronized (this) {
                target = written;
            }
            channel.force(false);
            synchronized (this) {
                synced = Math.max(synced, target);
            }
        }
    }

    /** How far the log reaches now: {@link #sync} to it covers everything appended so far. */
    public synchronized long end() {
        return written;
    }

    /** Makes everything appended so far durable. */
    public void syncAll() throws IOException {
        sync(end());
    }

    /** Empties the log, durably: what it held is kept elsewhere now, so whoever waits for it is done. */
    public synchronized void truncate() throws IOException {
        channel.truncate(0);
        channel.force(true);
        synced = written;
    }

    @Override
    public void close() throws IOException {
        try {
            syncAll();
        } finally {
            channel.close();
        }
    }
}
